// BoundsChecks.cpp: written next (Exec core)
