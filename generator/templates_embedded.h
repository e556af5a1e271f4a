/* The templates/ folder, compiled into schemac at build time (see
 * cmake/EmbedTemplates.cmake) so the binary needs no files beside it. */
#ifndef SCHEMAC_TEMPLATES_EMBEDDED_H
#define SCHEMAC_TEMPLATES_EMBEDDED_H

#include "template.h"

template_set embedded_templates(void);

#endif
