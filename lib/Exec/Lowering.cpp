// Lowering.cpp: written next (Exec core)
