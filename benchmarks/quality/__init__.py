"""Detection quality and speed of ogpcheck on real EN/ES/FR documents.

Errors are injected, one at a time and reproducibly, into clean document
triples; ogpcheck and two baselines run on each injected triple; the findings
are matched to the injections to give recall per error type, precision,
false alarms on the untouched corpus, suspect accuracy and alignment accuracy.
Speed is measured in the same run. ``python -m benchmarks.quality --help``.
"""
