# Conductance synapses integrated jointly with the membrane (Brian2's schedule), the reference for
# Coupling.STAGED. Two neurons, both driven through an excitatory (Ee 0 mV, taue 5 ms, we 0.5) and
# an inhibitory (Ei -80 mV, taui 10 ms, wi 1.0) exponential conductance from spike generators:
# neuron 0 is a passive membrane (no threshold), neuron 1 a LIF (threshold -50, reset -60) with a
# constant input of 11. ge, gi are the summed conductances per neuron, relative to the leak, as
# io.brainstem.models.ExpCoba's g onto io.brainstem.models.Lif (R 1): input = I + g(E - v).
# Brian2 2.5.1, numpy, rk4, dt = 0.1 ms, 100 ms. Output: spike times of neuron 1, then v of both
# neurons at t = k*dt, k = 0..1000, 17 significant digits.
# Run: /usr/bin/python3 coba_staged.py > coba_staged.out
from brian2 import *
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
eqs = '''dv/dt = (-(v - V_rest) + I + ge*(Ee - v) + gi*(Ei - v))/(tau*ms) : 1
    dge/dt = -ge/(taue*ms) : 1
    dgi/dt = -gi/(taui*ms) : 1
    I : 1
    V_th : 1'''
ns = dict(V_rest=-60, V_reset=-60, tau=20, Ee=0, Ei=-80, taue=5, taui=10, we=0.5, wi=1.0)
P = NeuronGroup(2, eqs, threshold='v >= V_th', reset='v = V_reset', method='rk4', namespace=ns)
P.v = -60
P.I = [0, 11]
P.V_th = [1e9, -50]
exc_times = [5.0, 12.3, 20.0, 20.5, 21.0, 40.0, 41.0, 42.0, 60.7, 75.0]
inh_times = [30.0, 31.0, 50.0, 80.0, 80.1]
Ge = SpikeGeneratorGroup(1, [0] * len(exc_times), exc_times * ms)
Gi = SpikeGeneratorGroup(1, [0] * len(inh_times), inh_times * ms)
Se = Synapses(Ge, P, on_pre='ge_post += we', namespace=ns)
Se.connect()
Si = Synapses(Gi, P, on_pre='gi_post += wi', namespace=ns)
Si.connect()
spikes = SpikeMonitor(P)
mon = StateMonitor(P, 'v', record=True)
run(100.1 * ms)
print('spikes', ' '.join(repr(round(float(t / ms), 6)) for t in spikes.t[spikes.i == 1]))
for i in range(2):
    print('v%d' % i, ' '.join('%.17g' % x for x in mon.v[i][:1001]))
