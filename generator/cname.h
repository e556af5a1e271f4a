/* C names from JSON names: snake_case, safe from C and C++ keywords. */
#ifndef SCHEMAC_CNAME_H
#define SCHEMAC_CNAME_H

#include "arena.h"

/* "lastStateChangeTimestamp" -> "last_state_change_timestamp",
 * "agentID" -> "agent_id", "HTTPServer" -> "http_server", "a-b c" -> "a_b_c".
 * A leading digit gets a "_" prefix. NULL when the name has no letter or
 * digit to build from. */
char *cname_snake(arena *a, const char *json_name);

/* cname_snake, then a "_" suffix when the result is a C or C++ keyword or a
 * name the standard library may define as a macro ("default" -> "default_"). */
char *cname_member(arena *a, const char *json_name);

/* "wcc_sub_status" -> "WCC_SUB_STATUS". */
char *cname_upper(arena *a, const char *snake);

#endif
