// Inputs.cpp: written next (Exec core)
