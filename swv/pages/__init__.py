"""The public pages of the SWV's: one SWV, the map, search, compare and print."""
