import datetime as d, json, sys
D=d.date
def easter(y):
    a=y%19;b=y//100;c=y%100;dd=b//4;e=b%4;f=(b+8)//25;g=(b-f+1)//3;h=(19*a+b-dd-g+15)%30
    i=c//4;k=c%4;l=(32+2*e+2*i-h-k)%7;m=(a+11*h+22*l)//451;mo=(h+l-7*m+114)//31;da=((h+l-7*m+114)%31)+1
    return D(y,mo,da)
def nth(y,m,wd,n):  # wd 0=Mon
    x=D(y,m,1); x+=d.timedelta((wd-x.weekday())%7); return x+d.timedelta(7*(n-1))
def last(y,m,wd):
    x=D(y+(m==12),(m%12)+1,1)-d.timedelta(1); return x-d.timedelta((x.weekday()-wd)%7)
T=d.timedelta
def ew(y):
    s={}
    ny=D(y,1,1)
    if ny.weekday()==5: ny=D(y,1,3)
    elif ny.weekday()==6: ny=D(y,1,2)
    s[ny]="New Year (procl.)"
    e=easter(y); s[e-T(2)]="Good Friday (common law)"; s[e+T(1)]="Easter Monday (Sch1)"
    may=nth(y,5,0,1); spring=last(y,5,0)
    one={2002:{D(2002,6,3):"Golden Jubilee"},2011:{D(2011,4,29):"Royal wedding"},2012:{D(2012,6,5):"Diamond Jubilee"},
         2022:{D(2022,6,3):"Platinum Jubilee",D(2022,9,19):"State Funeral"},2023:{D(2023,5,8):"Coronation"}}
    if y==2020: may=D(2020,5,8)
    if y==2002: spring=D(2002,6,4)
    if y==2012: spring=D(2012,6,4)
    if y==2022: spring=D(2022,6,2)
    s[may]="Early May (procl.)"; s[spring]="Spring (Sch1/moved)"; s[last(y,8,0)]="Summer (Sch1)"
    c=D(y,12,25); s[c]="Christmas (common law)"
    b=D(y,12,26)
    if b.weekday()!=6: s[b]="Boxing (Sch1)"   # 26 Dec if not Sunday (Sat 26 -> still listed by Sch1)
    if c.weekday()==6 or b.weekday()==6: s[D(y,12,27)]="27 Dec (Sch1)"
    if c.weekday()==5: s[D(y,12,28)]="Christmas substitute (procl.)"  # 25 Sat,26 Sun -> 27 Sch1, 28 procl
    if b.weekday()==5: s[D(y,12,28)]="Boxing substitute (procl.)"     # 26 Sat -> Mon 28 procl
    s.update(one.get(y,{}))
    return s
# weekday-only (drop weekend days since courts closed anyway)
j=json.load(open('/tmp/ob/bh.json'))['england-and-wales']['events']
jd={D.fromisoformat(e['date']) for e in j}
mine=set()
for y in range(2012,2021):
    mine|={k for k,v in ew(y).items() if k.weekday()<5}
print("json-only",sorted(jd-mine)); print("mine-only",sorted(mine-jd))
for y in (2000,2002,2004,2005,2010,2011,2021,2022,2023,2026):
    print(y,[ (k.isoformat(),v) for k,v in sorted(ew(y).items()) if k.weekday()<5])
