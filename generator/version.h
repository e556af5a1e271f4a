#ifndef SCHEMAC_VERSION_H
#define SCHEMAC_VERSION_H

#define SCHEMAC_VERSION "0.1.0"
/* Written into every generated runtime and checked by every generated header:
 * bump it whenever generated code and runtime stop fitting each other. */
#define SCHEMAC_RUNTIME_VERSION "100"

#endif
