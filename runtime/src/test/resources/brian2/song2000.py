# Song, Miller & Abbott 2000 in the form of Brian2's examples/synapses/STDP.py, the reference for
# io.brainstem.models.StdpSong2000 (runtime/src/test/java/io/brainstem/synapses/Song2000Brian2Test)
# and for `brainstem run song2000`. 1000 inputs with FIXED spike trains (15 Hz Poisson drawn once
# here from a seed, on the dt grid: input spike n of neuron i at step s is at time s*0.1 ms), one
# LIF, additive STDP with traces, clipping to [0, gmax]. Brian2 2.5.1, numpy, euler, dt = 0.1 ms,
# Brian2's default schedule (synapses after thresholds: a step's pre and post spikes update the
# weights in that step, on_pre before on_post).
# Run: /usr/bin/python3 song2000.py SECONDS SEED PREFIX
#   writes PREFIX_in.npz (indices int16, steps int32 of the input spikes, compressed),
#   PREFIX_w0.npy (float64 initial weights, rand()*gmax) and PREFIX.out (the post spikes and the
#   final weights, 17 significant digits).
import sys
import numpy as np
from brian2 import *
prefs.codegen.target = 'numpy'
seconds, seed, prefix = float(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
defaultclock.dt = 0.1 * ms
N = 1000
taum = 10 * ms
taupre = 20 * ms
taupost = taupre
Ee = 0 * mV
vt = -54 * mV
vr = -60 * mV
El = -74 * mV
taue = 5 * ms
F = 15 * Hz
gmax = .01
dApre = .01
dApost = -dApre * taupre / taupost * 1.05
dApost *= gmax
dApre *= gmax

rng = np.random.default_rng(seed)
steps_total = int(round(seconds / 1e-4))
p = float(F * defaultclock.dt)
idx, st = [], []
for i in range(N):
    s = np.cumsum(rng.geometric(p, size=int(steps_total * p * 2 + 100))) - 1
    s = s[s < steps_total]
    idx.append(np.full(len(s), i, dtype=np.int16))
    st.append(s.astype(np.int32))
idx = np.concatenate(idx)
st = np.concatenate(st)
order = np.lexsort((idx, st))
idx, st = idx[order], st[order]
w0 = rng.random(N) * gmax
np.savez_compressed(prefix + '_in.npz', indices=idx, steps=st)
np.save(prefix + '_w0.npy', w0)

eqs_neurons = '''
dv/dt = (ge * (Ee-v) + El - v) / taum : volt
dge/dt = -ge / taue : 1
'''
inputs = SpikeGeneratorGroup(N, idx.astype(int), st * 0.1 * ms)
neurons = NeuronGroup(1, eqs_neurons, threshold='v>vt', reset='v = vr', method='euler')
neurons.v = vr
S = Synapses(inputs, neurons,
             '''w : 1
                dApre/dt = -Apre / taupre : 1 (event-driven)
                dApost/dt = -Apost / taupost : 1 (event-driven)''',
             on_pre='''ge += w
                    Apre += dApre
                    w = clip(w + Apost, 0, gmax)''',
             on_post='''Apost += dApost
                     w = clip(w + Apre, 0, gmax)''')
S.connect()
S.w = w0
mon = SpikeMonitor(neurons)
run(seconds * second)
with open(prefix + '.out', 'w') as f:
    f.write('dApre %r\ndApost %r\n' % (dApre, dApost))
    f.write('spikes ' + ' '.join(repr(round(float(t / ms), 6)) for t in mon.t) + '\n')
    f.write('w ' + ' '.join('%.17g' % x for x in np.asarray(S.w)) + '\n')
