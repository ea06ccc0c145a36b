"""Scanner drivers behind one interface (after NAPS2's IScanDriver): list, capabilities, scan."""
