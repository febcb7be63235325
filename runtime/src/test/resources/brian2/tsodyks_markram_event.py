# Tsodyks-Markram short-term plasticity per synapse with u and x EVENT-DRIVEN, the reference for
# the per-synapse event-driven integration (runtime test model TsodyksMarkramEventDriven; the
# clock-driven form is tsodyks_markram.py). Three spike generators with different trains onto one
# passive membrane (no threshold), one synapse each with its own U, tau_f, tau_d and w (a
# depressing, a facilitating and a mixed synapse); u and x are advanced in closed form at each
# spike of their synapse only; u starts at U, x at 1. Monitors record the stored values (those of
# the last event), in Brian2 as in Brainstem.
# On a spike: u += U(1 - u); r = u x; x -= r; ge += w r (u first, as Brian2's
# frompapers/Stimberg_et_al_2018/example_1_COBA.py). ge is relative to the leak, onto
# io.brainstem.models.Lif (R 1): input = ge(Ee - v). Brian2 2.5.1 (Debian python3-brian), numpy,
# rk4 for the membrane, dt = 0.1 ms, 300 ms.
# Output: the parameters per synapse, then v and ge of the neuron and u and x of each synapse at
# t = k*dt, k = 0, 10, 20, ..., 3000 (every 10th step), 17 significant digits.
# Run: /usr/bin/python3 tsodyks_markram_event.py > tsodyks_markram_event.out
from brian2 import *
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.1 * ms
eqs = '''dv/dt = (-(v - V_rest) + ge*(Ee - v))/(tau*ms) : 1
    dge/dt = -ge/(taue*ms) : 1'''
ns = dict(V_rest=-60, tau=20, Ee=0, taue=5)
P = NeuronGroup(1, eqs, method='rk4', namespace=ns)
P.v = -60
trains = {0: [10.0 + 25.0 * k for k in range(8)] + [250.0],
          1: [15.0 + 20.0 * k for k in range(10)] + [280.0],
          2: [5.0, 6.0, 7.0, 8.0, 50.0, 52.5, 55.0, 150.0, 151.0, 152.0]}
idx = [i for i in trains for _ in trains[i]]
times = [t for i in trains for t in trains[i]]
G = SpikeGeneratorGroup(3, idx, times * ms)
U = [0.5, 0.03, 0.2]
tau_f = [50.0, 530.0, 200.0]
tau_d = [800.0, 130.0, 300.0]
w = [0.4, 1.5, 0.8]
S = Synapses(G, P, '''U : 1
    tau_f : 1
    tau_d : 1
    w : 1
    du/dt = (U - u)/(tau_f*ms) : 1 (event-driven)
    dx/dt = (1 - x)/(tau_d*ms) : 1 (event-driven)''',
    on_pre='''u += U*(1 - u)
    r = u*x
    x -= r
    ge_post += w*r''', namespace=ns)
S.connect(i=[0, 1, 2], j=0)
S.U = U
S.tau_f = tau_f
S.tau_d = tau_d
S.w = w
S.u = U
S.x = 1
mon = StateMonitor(P, ['v', 'ge'], record=True)
smon = StateMonitor(S, ['u', 'x'], record=True)
run(300.1 * ms)
for name, values in (('U', U), ('tau_f', tau_f), ('tau_d', tau_d), ('w', w)):
    print(name, ' '.join(repr(v) for v in values))
print('v', ' '.join('%.17g' % x for x in mon.v[0][:3001:10]))
print('ge', ' '.join('%.17g' % x for x in mon.ge[0][:3001:10]))
for k in range(3):
    print('u%d' % k, ' '.join('%.17g' % x for x in smon.u[k][:3001:10]))
    print('x%d' % k, ' '.join('%.17g' % x for x in smon.x[k][:3001:10]))
