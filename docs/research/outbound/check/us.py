from cal import *
def obs_sat_fri_sun_mon(x):
    return x-T(1) if x.weekday()==5 else (x+T(1) if x.weekday()==6 else x)
def ny(y):
    s={}
    fixed=[(1,1,"New Year"),(2,12,"Lincoln"),(7,4,"Independence"),(11,11,"Veterans"),(12,25,"Christmas")]
    if y>=2021: fixed.append((6,19,"Juneteenth"))
    for m,dd,n in fixed:
        x=D(y,m,dd); s[x]=n
        if x.weekday()==6: s[x+T(1)]=n+" (Sun->Mon GCL24)"
    s[nth(y,1,0,3)]="MLK"; s[nth(y,2,0,3)]="Washington"; s[last(y,5,0)]="Memorial"
    s[nth(y,9,0,1)]="Labor"; s[nth(y,10,0,2)]="Columbus"; s[nth(y,11,3,4)]="Thanksgiving"
    s[nth(y,11,0,1)+T(1)]="Election Day"
    return s
def ca(y):
    s={}
    fixed=[(1,1,"New Year"),(2,12,"Lincoln"),(7,4,"Independence"),(11,11,"Veterans"),(12,25,"Christmas")]
    if y>=2002: fixed.append((3,31,"Cesar Chavez"))   # court holiday from 2002 [W]
    if y>=2023: fixed.append((6,19,"Juneteenth"))
    for m,dd,n in fixed: s[obs_sat_fri_sun_mon(D(y,m,dd))]=n
    s[nth(y,1,0,3)]="MLK"; s[nth(y,2,0,3)]="Presidents"; s[last(y,5,0)]="Memorial"; s[nth(y,9,0,1)]="Labor"
    if y<=2021: s[nth(y,10,0,2)]="Columbus"
    if y==2015 or y>=2022: s[nth(y,9,4,4)]="Native American"
    th=nth(y,11,3,4); s[th]="Thanksgiving"; s[th+T(1)]="Day after Thanksgiving"
    return s
def fed(y):
    s={}
    fixed=[(1,1,"New Year"),(7,4,"Independence"),(11,11,"Veterans"),(12,25,"Christmas")]
    if y>=2021: fixed.append((6,19,"Juneteenth"))
    for m,dd,n in fixed: s[obs_sat_fri_sun_mon(D(y,m,dd))]=n
    s[nth(y,1,0,3)]="MLK"; s[nth(y,2,0,3)]="Washington"; s[last(y,5,0)]="Memorial"; s[nth(y,9,0,1)]="Labor"
    s[nth(y,10,0,2)]="Columbus"; s[nth(y,11,3,4)]="Thanksgiving"
    return s
if __name__=="__main__":
    for y in (2024,2020,2019): print("NY",y,[k.isoformat() for k in sorted(ny(y))])
    for y in (2012,2013,2014,2020,2021,2022,2023,2024,2025,2026): print("CA",y,[k.isoformat() for k in sorted(ca(y))])
    for y in (2021,2026): print("FED",y,[k.isoformat() for k in sorted(fed(y))])
