# Independent RK4 reference for HodgkinHuxley (HH 1952 constants, gL 0.3), dt = 0.01 ms, plain Python.
# Gave: I=10 first spikes [1.96, 16.91, 31.57]; threshold in 6.21875 6.2421875
# (silent below, tonic above, step from rest).
import math
def run(I, T=300, dt=0.01):
    V,m,h,n=-65,0.05293248525724958,0.5961207535084603,0.3176769140606974
    def f(V,m,h,n):
        am=0.1*(V+40)/(1-math.exp(-(V+40)/10)); bm=4*math.exp(-(V+65)/18)
        ah=0.07*math.exp(-(V+65)/20); bh=1/(1+math.exp(-(V+35)/10))
        an=0.01*(V+55)/(1-math.exp(-(V+55)/10)); bn=0.125*math.exp(-(V+65)/80)
        dV=(-120*m**3*h*(V-50)-36*n**4*(V+77)-0.3*(V+54.387)+I)
        return dV, am*(1-m)-bm*m, ah*(1-h)-bh*h, an*(1-n)-bn*n
    sp=[];armed=True
    for k in range(int(T/dt)):
        y=(V,m,h,n)
        k1=f(*y); k2=f(*[a+dt/2*b for a,b in zip(y,k1)]); k3=f(*[a+dt/2*b for a,b in zip(y,k2)]); k4=f(*[a+dt*b for a,b in zip(y,k3)])
        V,m,h,n=[a+dt/6*(b+2*c+2*d+e) for a,b,c,d,e in zip(y,k1,k2,k3,k4)]
        if V>=20 and armed: sp.append(k*dt); armed=False
        if V<20: armed=True
    return sp
print('I=10 first spikes', run(10.0, T=60)[:3])
lo,hi=5.0,8.0
for _ in range(7):
    mid=(lo+hi)/2
    if len([x for x in run(mid) if x>100])>0: hi=mid
    else: lo=mid
print('threshold in', lo, hi)
