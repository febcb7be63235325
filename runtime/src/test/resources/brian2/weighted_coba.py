# Per-synapse weights (Brian2's 'w : 1' with on_pre='ge_post += w'), the reference for
# io.brainstem.models.WeightedExpCoba. Four spike generators (different trains) all-to-all onto
# three neurons, one weight per synapse given below: neuron 0 is a passive membrane (no threshold),
# neurons 1 and 2 LIFs (threshold -50, reset -60) with constant inputs 10 and 12. ge is the summed
# conductance per neuron relative to the leak, as WeightedExpCoba's g onto io.brainstem.models.Lif
# (R 1): input = I + ge(Ee - v). Brian2 (Debian python3-brian), numpy, rk4, dt = 0.1 ms, 100 ms.
# Output: the weights (i-major, i.e. CSR order), the spike times of neurons 1 and 2, then v of the
# three neurons at t = k*dt, k = 0..1000, 17 significant digits. Generated with Brian2 2.5.1.
# Run: /usr/bin/python3 weighted_coba.py > weighted_coba.out
from brian2 import *
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
eqs = '''dv/dt = (-(v - V_rest) + I + ge*(Ee - v))/(tau*ms) : 1
    dge/dt = -ge/(taue*ms) : 1
    I : 1
    V_th : 1'''
ns = dict(V_rest=-60, V_reset=-60, tau=20, Ee=0, taue=5)
P = NeuronGroup(3, eqs, threshold='v >= V_th', reset='v = V_reset', method='rk4', namespace=ns)
P.v = -60
P.I = [0, 10, 12]
P.V_th = [1e9, -50, -50]
trains = {0: [5.0, 20.0, 20.5, 41.0, 60.7],
          1: [12.3, 21.0, 40.0, 75.0],
          2: [30.0, 31.0, 50.0, 80.0, 80.1],
          3: [8.8, 42.0, 42.1, 90.0]}
idx = [i for i in trains for _ in trains[i]]
times = [t for i in trains for t in trains[i]]
G = SpikeGeneratorGroup(4, idx, times * ms)
# explicit weights W[i][j] from generator i to neuron j
W = [[0.50, 0.125, 0.75],
     [0.20, 0.90, 0.05],
     [0.35, 0.00, 1.10],
     [0.60, 0.40, 0.30]]
S = Synapses(G, P, 'w : 1', on_pre='ge_post += w', namespace=ns)
S.connect()
S.w = [W[i][j] for i, j in zip(S.i[:], S.j[:])]
spikes = SpikeMonitor(P)
mon = StateMonitor(P, 'v', record=True)
run(100.1 * ms)
print('w', ' '.join(repr(W[i][j]) for i in range(4) for j in range(3)))
for n in (1, 2):
    print('spikes%d' % n, ' '.join(repr(round(float(t / ms), 6)) for t in spikes.t[spikes.i == n]))
for n in range(3):
    print('v%d' % n, ' '.join('%.17g' % x for x in mon.v[n][:1001]))
