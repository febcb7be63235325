#!/usr/bin/env python3
"""Brian2 cpp_standalone side of the plasticity benchmarks (issue #13), one run per call.

  python3 bench/brian2_plastic.py --model song2000 --duration 100
  python3 bench/brian2_plastic.py --model stdp-ei --N 10000 --duration 1

song2000: Brian2's examples/synapses/STDP.py (Song, Miller & Abbott 2000): 1000 Poisson inputs at
15 Hz onto one conductance-based LIF, additive STDP with event-driven traces, euler, dt 0.1 ms.
stdp-ei: the EINet (BrainPy's COBA E/I network: 80 % E, LIF, refractory 5 ms, exponential
conductances, I_ext 20 mV) with fan-in 125 (p = 125/N: 100 E and 25 I partners per neuron,
weights scaled by 80/125 from the k = 80 EINet) and the same additive STDP on E->E (w in [0, 2 we]).
Prints one line `RESULT {json}` with the keys of ../shared/peers/brian2/bench.py (t_run_loop: the
simulation loop only; binary_maxrss_MB; spike counts).
"""
import argparse
import json
import os
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument('--model', choices=['song2000', 'stdp-ei'], default='song2000')
ap.add_argument('--N', type=int, default=10000, help='stdp-ei: neurons')
ap.add_argument('--duration', type=float, default=1.0, help='seconds')
ap.add_argument('--seed', type=int, default=1)
ap.add_argument('--threads', type=int, default=0)
args = ap.parse_args()

from brian2 import *  # noqa: E402,F401
import numpy as np  # noqa: E402

workdir = tempfile.mkdtemp(prefix='b2plastic_')
set_device('cpp_standalone', build_on_run=False)
prefs.devices.cpp_standalone.openmp_threads = args.threads
prefs.devices.cpp_standalone.run_cmd_unix = ['/usr/bin/time', '-v', '-o', 'results/time_v.txt', './main']
seed(args.seed)
np.random.seed(args.seed)
defaultclock.dt = 0.1 * ms

STDP = dict(model='''w : 1
                dApre/dt = -Apre / taupre : 1 (event-driven)
                dApost/dt = -Apost / taupost : 1 (event-driven)''',
            on_post='''Apost += dApost
                w = clip(w + Apre, 0, wmax)''')
taupre = taupost = 20 * ms

if args.model == 'song2000':
    N = 1000
    taum = 10 * ms
    Ee = 0 * mV
    vt = -54 * mV
    vr = -60 * mV
    El = -74 * mV
    taue = 5 * ms
    wmax = 0.01
    dApre = 0.01 * wmax
    dApost = -dApre * taupre / taupost * 1.05
    inputs = PoissonGroup(N, rates=15 * Hz)
    P = NeuronGroup(1, '''dv/dt = (ge * (Ee-v) + El - v) / taum : volt
                          dge/dt = -ge / taue : 1''',
                    threshold='v>vt', reset='v = vr', method='euler')
    P.v = vr
    S = Synapses(inputs, P, STDP['model'], on_pre='''ge += w
                Apre += dApre
                w = clip(w + Apost, 0, wmax)''', on_post=STDP['on_post'])
    S.connect()
    S.w = 'rand() * wmax'
    plastic = S
    NE = 1
else:
    N = args.N
    NE = int(round(0.8 * N))
    p = 125.0 / N
    taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
    Vt, Vr, El, Ee, Ei = -50 * mV, -60 * mV, -60 * mV, 0 * mV, -80 * mV
    we, wi = 0.6 * 80 / 125, 6.7 * 80 / 125
    wmax = 2 * we
    dApre = 0.01 * wmax
    dApost = -1.05 * dApre
    I_ext = 20 * mV
    P = NeuronGroup(N, '''dv/dt = (ge*(Ee-v) + gi*(Ei-v) - (v-El) + I_ext)/taum : volt (unless refractory)
                          dge/dt = -ge/taue : 1
                          dgi/dt = -gi/taui : 1''',
                    threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='exponential_euler')
    P.v = '(randn()*2 - 55)*mV'
    See = Synapses(P[:NE], P[:NE], STDP['model'], on_pre='''ge += w
                Apre += dApre
                w = clip(w + Apost, 0, wmax)''', on_post=STDP['on_post'])
    See.connect(p=p)
    See.w = we
    Cei = Synapses(P[:NE], P[NE:], on_pre='ge += we')
    Cei.connect(p=p)
    Ci = Synapses(P[NE:], P, on_pre='gi += wi')
    Ci.connect(p=p)
    plastic = See

smon = SpikeMonitor(P)
run(args.duration * second)
outdir = os.path.join(workdir, 'standalone')
t0 = time.time()
device.build(directory=outdir, compile=True, run=False, clean=True)
t1 = time.time()
device.run(outdir, with_output=False, run_args=[])
t2 = time.time()
tv = {}
with open(os.path.join(outdir, 'results', 'time_v.txt')) as f:
    for line in f:
        if ': ' in line:
            k, v = line.split(': ', 1)
            tv[k.strip()] = v.strip()
i = np.asarray(smon.i[:])
w = np.asarray(plastic.w[:])
res = dict(model=args.model, target='cpp_standalone', N=N, duration_s=args.duration,
           seed=args.seed, threads=args.threads, brian2=__import__('brian2').__version__,
           t_codegen_compile=t1 - t0, t_binary_wall=t2 - t1, t_run_loop=device._last_run_time,
           binary_maxrss_MB=int(tv['Maximum resident set size (kbytes)']) / 1024,
           binary_elapsed=tv['Elapsed (wall clock) time (h:mm:ss or m:ss)'],
           binary_user_s=float(tv['User time (seconds)']),
           n_plastic=int(len(w)), mean_w=float(w.mean()), spikes=int(len(i)),
           spikes_E=int(np.sum(i < NE)), rate_E_Hz=float(np.sum(i < NE)) / NE / args.duration)
print('RESULT ' + json.dumps(res), flush=True)
