// Verify.cpp: written next (Exec core)
