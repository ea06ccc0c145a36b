"""Use cases: the one API that the command line and the GUI both call."""

from station.workflow.station import Station

__all__ = ["Station"]
