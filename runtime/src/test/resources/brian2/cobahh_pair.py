# Two TraubHH neurons, 0 -> 1 through an exponential conductance (the COBAHH synapse, we = 60 nS,
# taue 5 ms, Ee 0 mV); neuron 0 gets 300 pA, neuron 1 gets 0. Brian2 2.5.1, numpy, rk4,
# dt = 0.005 ms, 100 ms. Units ms, mV, nS, pF, pA (as io.brainstem.models.TraubHH).
# Run: /usr/bin/python3 cobahh_pair.py
from brian2 import *
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.005 * ms
eqs = '''dv/dt = (gl*(El - v) + ge*(Ee - v) - g_na*m**3*h*(v - ENa) - g_kd*n**4*(v - EK) + I)/Cm/ms : 1
    dm/dt = (alpha_m*(1 - m) - beta_m*m)/ms : 1
    dn/dt = (alpha_n*(1 - n) - beta_n*n)/ms : 1
    dh/dt = (alpha_h*(1 - h) - beta_h*h)/ms : 1
    dge/dt = -ge/(taue*ms) : 1
    I : 1
    alpha_m = 0.32*4/exprel((13 - v + VT)/4) : 1
    beta_m = 0.28*5/exprel((v - VT - 40)/5) : 1
    alpha_h = 0.128*exp((17 - v + VT)/18) : 1
    beta_h = 4./(1 + exp((40 - v + VT)/5)) : 1
    alpha_n = 0.032*5/exprel((15 - v + VT)/5) : 1
    beta_n = .5*exp((10 - v + VT)/40) : 1'''
ns = dict(Cm=200, gl=10, g_na=20000, g_kd=6000, El=-60, EK=-90, ENa=50, VT=-63, Ee=0, taue=5,
          we=60)
P = NeuronGroup(2, eqs, threshold='v > -20', refractory=3 * ms, method='rk4', namespace=ns)
P.v = -60
P.m = 0.026863329798445447
P.h = 0.9913058218943975
P.n = 0.060434034678635944
P.I = [300, 0]
S = Synapses(P[0:1], P[1:2], on_pre='ge += we', namespace=ns)
S.connect()
mon = SpikeMonitor(P)
run(100 * ms)
for i in range(2):
    print('neuron', i, [round(float(t / ms), 3) for t in mon.t[mon.i == i]])
