# Spike-for-spike references for crossing thresholds and refractoriness in whole steps
# (runtime/src/test/java/io/brainstem/models/Brian2SpikeMatchTest.java).
# Run: /usr/bin/python3 crossing.py > crossing.out   (Brian2 2.5.1, numpy target)
# One neuron per run, at the library's initial state and defaults, under a constant input, for
# methods euler and rk4 at dt 0.1 and 0.01 ms. Spike times are Brian2's t of the spiking step (the
# start of the step), in ms. Output lines: "<model> <method> <dt> <t1> <t2> ...".
#   HodgkinHuxley, FitzHughNagumo: threshold 'v >= th', refractory 'v >= th' (refractory while
#     above), which is @Threshold(crossing = true) except when the initial state is above.
#   TraubHH: the crossing form, threshold 'v > -20', refractory 'v > -20'; TraubHH_3ms is the
#     COBAHH benchmark's refractory 3 ms, which gives the same spikes wherever the integration is
#     stable (not euler at dt 0.1, where V rings across -20 mV).
#   Lif: refractory 5 ms (unless refractory), Brian2's rule: RefractoryRule.BRIAN2.
from brian2 import *
prefs.codegen.target = 'numpy'
T = 200 * ms
HH = '''dv/dt = (-gNa*m**3*h*(v - ENa) - gK*n**4*(v - EK) - gL*(v - EL) + I)/C/ms : 1
    dm/dt = (alpha_m*(1 - m) - beta_m*m)/ms : 1
    dh/dt = (alpha_h*(1 - h) - beta_h*h)/ms : 1
    dn/dt = (alpha_n*(1 - n) - beta_n*n)/ms : 1
    alpha_m = 1/exprel(-(v + 40)/10) : 1
    beta_m = 4*exp(-(v + 65)/18) : 1
    alpha_h = 0.07*exp(-(v + 65)/20) : 1
    beta_h = 1/(1 + exp(-(v + 35)/10)) : 1
    alpha_n = 0.1/exprel(-(v + 55)/10) : 1
    beta_n = 0.125*exp(-(v + 65)/80) : 1'''
HH_NS = dict(ENa=50, gNa=120, EK=-77, gK=36, EL=-54.387, gL=0.3, C=1, I=10)
HH_INIT = dict(v=-65, m=0.05293248525724958, h=0.5961207535084603, n=0.3176769140606974)
FHN = '''dv/dt = (v - v**3/3 - w + I)/ms : 1
    dw/dt = (v + a - b*w)/(tau*ms) : 1'''
FHN_NS = dict(a=0.7, b=0.8, tau=12.5, I=0.5)
TRAUB = '''dv/dt = (gl*(El - v) - g_na*m**3*h*(v - ENa) - g_kd*n**4*(v - EK) + I)/Cm/ms : 1
    dm/dt = (alpha_m*(1 - m) - beta_m*m)/ms : 1
    dn/dt = (alpha_n*(1 - n) - beta_n*n)/ms : 1
    dh/dt = (alpha_h*(1 - h) - beta_h*h)/ms : 1
    alpha_m = 0.32*4/exprel((13 - v + VT)/4) : 1
    beta_m = 0.28*5/exprel((v - VT - 40)/5) : 1
    alpha_h = 0.128*exp((17 - v + VT)/18) : 1
    beta_h = 4./(1 + exp((40 - v + VT)/5)) : 1
    alpha_n = 0.032*5/exprel((15 - v + VT)/5) : 1
    beta_n = .5*exp((10 - v + VT)/40) : 1'''
TRAUB_NS = dict(Cm=200, gl=10, g_na=20000, g_kd=6000, El=-60, EK=-90, ENa=50, VT=-63, I=300)
TRAUB_INIT = dict(v=-60, m=0.026863329798445447, h=0.9913058218943975, n=0.060434034678635944)
LIF = 'dv/dt = (-v + V_rest + R*I)/(tau*ms) : 1 (unless refractory)'
LIF_NS = dict(V_rest=0, R=1, tau=10, I=25)


def spikes(eqs, threshold, reset, refractory, init, ns, method, dt):
    start_scope()
    defaultclock.dt = dt * ms
    g = NeuronGroup(1, eqs, threshold=threshold, reset=reset, refractory=refractory,
                    method=method, namespace=ns)
    for k, v in init.items():
        setattr(g, k, v)
    mon = SpikeMonitor(g)
    run(T)
    return [float(t / ms) for t in mon.t]


for method in ['euler', 'rk4']:
    for dt in [0.1, 0.01]:
        runs = {
            'HodgkinHuxley': spikes(HH, 'v >= 20', '', 'v >= 20', HH_INIT, HH_NS, method, dt),
            'FitzHughNagumo': spikes(FHN, 'v >= 1.8', '', 'v >= 1.8', {}, FHN_NS, method, dt),
            'TraubHH': spikes(TRAUB, 'v > -20', '', 'v > -20', TRAUB_INIT, TRAUB_NS, method, dt),
            'TraubHH_3ms': spikes(TRAUB, 'v > -20', '', 3 * ms, TRAUB_INIT, TRAUB_NS, method, dt),
            'Lif': spikes(LIF, 'v >= 20', 'v = -5', 5 * ms, {}, LIF_NS, method, dt),
        }
        for name, times in runs.items():
            print(name, method, dt, ' '.join(repr(round(t, 6)) for t in times))
