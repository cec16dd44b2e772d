// LoweringUtils.cpp: written next (Exec core)
