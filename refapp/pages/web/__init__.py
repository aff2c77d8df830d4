"""Page objects of the reference app (refapp/): its screens and the journeys the flows measure."""
from .app import RefApp

__all__ = ["RefApp"]
