import csv, datetime, sys
def ms(s): return int(datetime.datetime.fromisoformat(s.replace('Z','+00:00')).timestamp()*1000)
rows=[(r['user_id'], float(r['valor']), ms(r['ts'])) for r in csv.DictReader(open('assets/traces/pagamentos.csv'))]
ST=10000; SIZE=60000; B=5000
W=-2**63; buf={}; glob={}
def flush():
    for k,p in buf.items(): glob[k] = glob[k] + p if k in glob else p
    buf.clear()
for u,v,t in rows:
    se=t - t%ST + ST
    wend = t - t%SIZE + SIZE
    if wend - 1 > W:   # the largest window containing the slice
        buf[(u,se)] = buf[(u,se)] + v if (u,se) in buf else v
    Wn=max(W,t-B)
    if Wn>W:
        W=Wn
        if buf and min(k[1] for k in buf)-1 <= W: flush()
flush()
out=[l.strip().split(',') for l in open(sys.argv[1]) if not l.startswith(('SUMMARY','LATE'))]
for name,order in [('oldest-first',1),('newest-first',-1)]:
    diff=0
    for f in out:
        u,s,e=f[0],int(f[1]),int(f[2])
        ends=[x for x in range(s+ST,e+1,ST)][::order]
        acc=None
        for x in ends:
            if (u,x) in glob: acc = glob[(u,x)] if acc is None else acc + glob[(u,x)]
        if acc is None or repr(acc)!=repr(float(f[3])): diff+=1
    print(name, len(out), 'windows,', diff, 'differ')
