import sys
from articles.text.anchoring import anchor_for_span, follow_edit
from tests.benchmarks import anchoring_trials
from tests.benchmarks.bench_anchoring import outcome
want = sys.argv[1] if len(sys.argv)>1 else ""
maxe = int(sys.argv[2]) if len(sys.argv)>2 else 9
skip = int(sys.argv[3]) if len(sys.argv)>3 else 0
n=0
for t in anchoring_trials.trials(2000):
    o = outcome(t)
    if o in ("correct", "indistinguishable copy"): continue
    if want and want not in t.edits: continue
    if len(t.edits) > maxe: continue
    n+=1
    if n <= skip: continue
    if n>skip+8: break
    r = follow_edit(t.old_text, t.new_text, [anchor_for_span(t.old_text,t.start,t.end)])[0]
    print("=====", t.id, t.target, t.edits, o, r.state)
    print("OLD span:", repr(t.old_text[t.start:t.end]), "ctx:", repr(t.old_text[max(0,t.start-40):t.end+40]))
    print("EXPECTED:", t.expected and repr(t.new_text[t.expected[0]:t.expected[1]]), t.expected)
    print("GOT:", r.anchor and repr(r.anchor.exact), r.anchor and (r.anchor.start, r.anchor.end))
