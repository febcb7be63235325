# Reference spike times for the model-library tests (runtime/src/test/java/io/brainstem/models).
# Run: /usr/bin/python3 neurons.py   (Brian2 2.5.1, numpy target, rk4, dt = 0.005 ms, 200 ms)
# Each neuron starts at the library's initial state and gets the constant input named below.
from brian2 import *
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.005 * ms
T = 200 * ms
out = {}

def run_one(name, eqs, threshold, reset, init, refractory=False, **ns):
    start_scope()
    defaultclock.dt = 0.005 * ms
    kw = dict(refractory=refractory) if refractory is not False else {}
    g = NeuronGroup(1, eqs, threshold=threshold, reset=reset, method='rk4', namespace=ns, **kw)
    for k, v in init.items():
        setattr(g, k, v)
    m = SpikeMonitor(g)
    run(T)
    out[name] = [float(t / ms) for t in m.t]

# ExpIf, input 5 (dimensionless units as in the library: mV, ms)
run_one('ExpIf', 'dv/dt = (-(v - V_rest) + delta_T*exp((v - V_T)/delta_T) + I)/tau : 1',
        'v >= -30', 'v = -68', {'v': -65},
        V_rest=-65, V_T=-59.9, delta_T=3.48, I=5, tau=10 * ms)
# AdEx, input 10
run_one('AdEx', '''dv/dt = (-(v - V_rest) + delta_T*exp((v - V_T)/delta_T) - w + I)/tau : 1
                   dw/dt = (a*(v - V_rest) - w)/tau_w : 1''',
        'v >= -30', 'v = -68; w += 1', {'v': -65, 'w': 0},
        V_rest=-65, V_T=-59.9, delta_T=3.48, I=10, a=1, tau=10 * ms, tau_w=30 * ms)
# FitzHugh-Nagumo, input 0.5; spike = upward crossing of 1.8 (Brian2: refractory while v >= 1.8)
run_one('FitzHughNagumo', '''dv/dt = (v - v**3/3 - w + I)/ms : 1
                             dw/dt = (v + a - b*w)/(tau*ms) : 1''',
        'v >= 1.8', '', {'v': 0, 'w': 0}, refractory='v >= 1.8',
        I=0.5, a=0.7, b=0.8, tau=12.5)
# TraubHH (ms, mV, nS, pF, pA), input 300 pA
run_one('TraubHH', '''dv/dt = (gl*(El - v) - g_na*m**3*h*(v - ENa) - g_kd*n**4*(v - EK) + I)/Cm/ms : 1
    dm/dt = (alpha_m*(1 - m) - beta_m*m)/ms : 1
    dn/dt = (alpha_n*(1 - n) - beta_n*n)/ms : 1
    dh/dt = (alpha_h*(1 - h) - beta_h*h)/ms : 1
    alpha_m = 0.32*4/exprel((13 - v + VT)/4) : 1
    beta_m = 0.28*5/exprel((v - VT - 40)/5) : 1
    alpha_h = 0.128*exp((17 - v + VT)/18) : 1
    beta_h = 4./(1 + exp((40 - v + VT)/5)) : 1
    alpha_n = 0.032*5/exprel((15 - v + VT)/5) : 1
    beta_n = .5*exp((10 - v + VT)/40) : 1''',
        'v > -20', '', {'v': -60, 'm': 0.026863329798445447, 'h': 0.9913058218943975,
                        'n': 0.060434034678635944}, refractory=3 * ms,
        Cm=200, gl=10, g_na=20000, g_kd=6000, El=-60, EK=-90, ENa=50, VT=-63, I=300)
# Wilson-Cowan, inputs x 1.5, y 0 (no spikes; record the state at 200 ms)
start_scope()
defaultclock.dt = 0.005 * ms
F = 'F_{0} = 1/(1 + exp(-a_{0}*(u_{0} - theta_{0}))) - 1/(1 + exp(a_{0}*theta_{0})) : 1'
wc = NeuronGroup(1, '''dx/dt = (-x + (1 - x)*F_e)/ms : 1
                       dy/dt = (-y + (1 - y)*F_i)/ms : 1
                       u_e = 12*x - 4*y + 1.5 : 1
                       u_i = 13*x - 11*y : 1
                       ''' + F.format('e') + '\n' + F.format('i'), method='rk4',
                 namespace=dict(a_e=1.2, theta_e=2.8, a_i=1.0, theta_i=4.0))
run(T)
out['WilsonCowan'] = [float(wc.x[0]), float(wc.y[0])]
for k, v in out.items():
    print(k, len(v), v[:6])
