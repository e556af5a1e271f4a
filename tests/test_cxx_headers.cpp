// Every generated header compiles in a C++ translation unit and its API can be
// called from C++.
#include "any_values.h"
#include "bounds.h"
#include "common.h"
#include "keywords.h"
#include "msg.h"
#include "one_of.h"
#include "station_login_success.h"
#include "kw_runtime.h"
#include "wcc_runtime.h"

#include <cstdio>
#include <cstring>

int main()
{
    static const char json[] = "{\"x\":1,\"y\":2}";
    kw_point point;
    kw_error err;
    if (kw_point_decode(json, sizeof json - 1, &point, &err) != KW_OK || point.x != 1 ||
        point.y != 2) {
        std::fprintf(stderr, "decode from C++ failed: %s\n", err.message);
        return 1;
    }
    kw_point_free(&point);

    static const char event[] = "{\"keepalive\":\"true\"}";
    kw_one_of one;
    if (kw_one_of_decode(event, sizeof event - 1, &one, &err) != KW_OK ||
        one.kind != KW_ONE_OF_KEEPALIVE) {
        std::fprintf(stderr, "oneOf decode from C++ failed: %s\n", err.message);
        return 1;
    }
    kw_one_of_free(&one);

    wcc_station_login_success msg;
    wcc_station_login_success_init(&msg);
    wcc_error werr;
    if (wcc_station_login_success_validate(&msg, &werr) != WCC_ERR_MISSING ||
        std::strcmp(werr.path, "/orgId") != 0) {
        std::fprintf(stderr, "validate from C++: %s at %s\n", wcc_status_name(werr.code),
                     werr.path);
        return 1;
    }
    static const char any[] = "{\"payload\":[1.0],\"labels\":{\"id\":\"i\",\"x\":\"y\"}}";
    kw_any_values values;
    if (kw_any_values_decode(any, sizeof any - 1, &values, &err) != KW_OK ||
        !cJSON_IsArray(values.payload) || values.labels.additional_properties.count != 1) {
        std::fprintf(stderr, "any values from C++: %s\n", err.message);
        return 1;
    }
    kw_any_values_free(&values);
    return wcc_sub_status_from_string("Idle") == WCC_SUB_STATUS_IDLE ? 0 : 1;
}
