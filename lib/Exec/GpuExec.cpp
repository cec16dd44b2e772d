// GpuExec.cpp: written next (Exec core)
