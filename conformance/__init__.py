"""Conformance suite: Keras scripts recorded under real Keras, replayed under torchkeras.

See `conformance/README.md`. Nothing here is part of the installed package.
"""
