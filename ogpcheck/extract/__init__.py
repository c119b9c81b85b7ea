"""Extract stage: the facts (numbers, markers) each block states, so the
compare stage can check that every language version states the same ones."""
