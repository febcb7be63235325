# Reference spike times for Izhikevich (regular spiking, I = 10), Brian2 2.5.1, numpy, rk4,
# dt = 0.005 ms, 300 ms. Run: /usr/bin/python3 izhikevich.py
from brian2 import *
prefs.codegen.target = 'numpy'
defaultclock.dt = 0.005 * ms
g = NeuronGroup(1, '''dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
                      du/dt = a*(b*v - u)/ms : 1''',
                threshold='v >= 30', reset='v = c; u += d', method='rk4',
                namespace=dict(a=0.02, b=0.2, c=-65, d=8, I=10))
g.v = -65
g.u = -13
m = SpikeMonitor(g)
run(300 * ms)
print('Izhikevich', len(m.t), [float(t / ms) for t in m.t][:8])
