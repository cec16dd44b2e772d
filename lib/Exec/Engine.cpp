// Engine.cpp: written next (Exec core)
