"""The edit between two texts, as the runs of characters it kept, moved, or replaced.

`text_edit(old, new)` diffs line by line first (a long article with a small edit costs
one pass over its lines), then word by word inside the lines that differ, and finally
looks for runs that were cut in one place and pasted in another (moves). Annotations
are carried through the result by `articles.text.anchoring.map_anchor`.
"""

from articles.text.editmap.lines import text_edit
from articles.text.editmap.runs import Gap, Run, Runs, TextEdit

__all__ = ["Gap", "Run", "Runs", "TextEdit", "text_edit"]
