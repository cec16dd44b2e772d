// Npy.cpp: written next (Exec core)
