import os
import sys

# The tests import their shared data module (`optimizer_reference`) by name, whatever the
# pytest import mode.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
