// simdjson_ref.cpp: the seed message read with simdjson's On Demand API into
// ref_station_login (simdjson_ref.h), doing the work wcc's decode does:
// every string copied and NUL-terminated into one allocation owned by the
// result, arrays and the channelsMap map into arrays, and the same checks
// (types, consts, the subStatus enum, required members, a known key twice).
// It only exists to give the benchmark a reference row.
#include "simdjson_ref.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string_view>
#include <utility>

#include <simdjson.h>

using namespace simdjson;

#define REF_STRINGIFY(x) #x
#define REF_STRING(x) REF_STRINGIFY(x)

struct simdjson_ref {
    ondemand::parser parser;
    char *padded;   // max_len + SIMDJSON_PADDING bytes: iterate's input
    size_t max_len;
};

namespace {

// One allocation per decode: pointer arrays grow up from the bottom,
// strings down from the top, so arrays need no alignment padding.
class arena {
public:
    explicit arena(char *base, size_t size) : base_(base), low_(0), high_(size) {}

    char *string(size_t size)
    {
        if (high_ - low_ < size)
            return nullptr;
        high_ -= size;
        return base_ + high_;
    }

    template <typename T> T *block(size_t count)
    {
        static_assert(sizeof(T) % alignof(T) == 0, "blocks stay aligned");
        if (count > (high_ - low_) / sizeof(T))
            return nullptr;
        T *items = reinterpret_cast<T *>(base_ + low_);
        low_ += count * sizeof(T);
        return items;
    }

private:
    char *base_;
    size_t low_;
    size_t high_;
};

// Strings unescape to at most their text less the quotes, and every array
// item or map entry takes at least 3 or 6 bytes of text for its 8 or 24
// bytes of pointers: 5 bytes of room per byte of text is always enough.
size_t arena_size(size_t len)
{
    return 5 * len + 64;
}

bool copy(arena &a, std::string_view s, const char *&out)
{
    char *text = a.string(s.size() + 1);
    if (text == nullptr)
        return false;
    std::memcpy(text, s.data(), s.size());
    text[s.size()] = '\0';
    out = text;
    return true;
}

bool read_string(arena &a, ondemand::value &v, const char *&out)
{
    std::string_view s;
    return !v.get_string().get(s) && copy(a, s, out);
}

bool read_const(ondemand::value &v, std::string_view expected)
{
    std::string_view s;
    return !v.get_string().get(s) && s == expected;
}

bool read_int64(ondemand::value &v, int64_t &out)
{
    return !v.get_int64().get(out);
}

bool read_sub_status(ondemand::value &v, ref_sub_status &out)
{
    std::string_view s;
    if (v.get_string().get(s))
        return false;
    if (s == "Available")
        out = REF_SUB_STATUS_AVAILABLE;
    else if (s == "Idle")
        out = REF_SUB_STATUS_IDLE;
    else
        return false;
    return true;
}

bool read_string_array(arena &a, ondemand::value &v, ref_string_array &out)
{
    ondemand::array array;
    size_t count = 0;
    if (v.get_array().get(array) || array.count_elements().get(count))
        return false;
    out.items = a.block<const char *>(count);
    if (out.items == nullptr && count > 0)
        return false;
    out.count = 0;
    for (auto item : array) {
        ondemand::value value;
        if (out.count == count || std::move(item).get(value) || !read_string(a, value, out.items[out.count]))
            return false;
        out.count++;
    }
    return out.count == count;
}

bool known_key(const ref_channel *entries, size_t count, const char *key)
{
    for (size_t i = 0; i < count; i++)
        if (std::strcmp(entries[i].key, key) == 0)
            return true;
    return false;
}

bool read_channels(arena &a, ondemand::value &v, ref_station_login_data &out)
{
    ondemand::object object;
    size_t count = 0;
    if (v.get_object().get(object) || object.count_fields().get(count))
        return false;
    out.channels = a.block<ref_channel>(count);
    if (out.channels == nullptr && count > 0)
        return false;
    out.channel_count = 0;
    for (auto member : object) {
        ondemand::field field;
        std::string_view key;
        if (out.channel_count == count || std::move(member).get(field) || field.unescaped_key().get(key))
            return false;
        ref_channel &entry = out.channels[out.channel_count];
        if (!copy(a, key, entry.key) || known_key(out.channels, out.channel_count, entry.key) ||
            !read_string_array(a, field.value(), entry.value))
            return false;
        out.channel_count++;
    }
    return out.channel_count == count;
}

// The members of data, in the order of data_keys; bit i of a mask is member i.
enum data_member {
    AGENT_ID, AGENT_SESSION_ID, AUX_CODE_ID, CHANNELS_MAP, DIAL_NUMBER, EVENT_TYPE,
    INTERACTION_IDS, LAST_IDLE_CODE_CHANGE_TIMESTAMP, LAST_STATE_CHANGE_TIMESTAMP, ORG_ID,
    PROFILE_TYPE, ROLES, SITE_ID, STATUS, SUB_STATUS, SUPERVISOR_SESSION_ID, TEAM_ID,
    TRACKING_ID, TYPE, DATA_MEMBER_COUNT
};

constexpr std::string_view data_keys[DATA_MEMBER_COUNT] = {
    "agentId", "agentSessionId", "auxCodeId", "channelsMap", "dialNumber", "eventType",
    "interactionIds", "lastIdleCodeChangeTimestamp", "lastStateChangeTimestamp", "orgId",
    "profileType", "roles", "siteId", "status", "subStatus", "supervisorSessionId", "teamId",
    "trackingId", "type",
};

constexpr uint32_t data_optional =
    1u << DIAL_NUMBER | 1u << ROLES | 1u << SUPERVISOR_SESSION_ID;
constexpr uint32_t data_required = ((1u << DATA_MEMBER_COUNT) - 1) & ~data_optional;

// Reads an object's members with read(index, value), index in keys or -1
// for a member not in keys; a key of keys given twice is an error.
// seen: bit i for keys[i].
template <size_t N, typename Read>
bool read_members(ondemand::object &object, const std::string_view (&keys)[N], uint32_t &seen,
                  Read read)
{
    static_assert(N <= 32, "seen has a bit per key");
    seen = 0;
    for (auto member : object) {
        ondemand::field field;
        std::string_view key;
        if (std::move(member).get(field) || field.unescaped_key().get(key))
            return false;
        int index = -1;
        for (size_t i = 0; i < N && index < 0; i++)
            if (keys[i] == key)
                index = static_cast<int>(i);
        if (index >= 0 && (seen & 1u << index))
            return false;
        if (index >= 0)
            seen |= 1u << index;
        if (!read(index, field.value()))
            return false;
    }
    return true;
}

bool read_data_member(arena &a, int member, ondemand::value &v, ref_station_login_data &out)
{
    switch (member) {
    case AGENT_ID: return read_string(a, v, out.agent_id);
    case AGENT_SESSION_ID: return read_string(a, v, out.agent_session_id);
    case AUX_CODE_ID: return read_string(a, v, out.aux_code_id);
    case CHANNELS_MAP: return read_channels(a, v, out);
    case DIAL_NUMBER: return read_string(a, v, out.dial_number);
    case EVENT_TYPE: return read_const(v, "AgentDesktopMessage");
    case INTERACTION_IDS: return read_string_array(a, v, out.interaction_ids);
    case LAST_IDLE_CODE_CHANGE_TIMESTAMP: return read_int64(v, out.last_idle_code_change_timestamp);
    case LAST_STATE_CHANGE_TIMESTAMP: return read_int64(v, out.last_state_change_timestamp);
    case ORG_ID: return read_string(a, v, out.org_id);
    case PROFILE_TYPE: return read_string(a, v, out.profile_type);
    case ROLES: return (out.has_roles = read_string_array(a, v, out.roles));
    case SITE_ID: return read_string(a, v, out.site_id);
    case STATUS: return read_string(a, v, out.status);
    case SUB_STATUS: return read_sub_status(v, out.sub_status);
    case SUPERVISOR_SESSION_ID: return read_string(a, v, out.supervisor_session_id);
    case TEAM_ID: return read_string(a, v, out.team_id);
    case TRACKING_ID: return read_string(a, v, out.tracking_id);
    case TYPE: return read_const(v, "AgentStationLoginSuccess");
    default: return true; // an unknown member: On Demand skips it
    }
}

bool read_data(arena &a, ondemand::value &v, ref_station_login_data &out)
{
    ondemand::object object;
    uint32_t seen = 0;
    return !v.get_object().get(object) &&
           read_members(object, data_keys, seen,
                        [&](int member, ondemand::value &value) {
                            return read_data_member(a, member, value, out);
                        }) &&
           (seen & data_required) == data_required;
}

enum root_member { ROOT_TYPE, ROOT_ORG_ID, ROOT_TRACKING_ID, ROOT_DATA, ROOT_MEMBER_COUNT };

constexpr std::string_view root_keys[ROOT_MEMBER_COUNT] = { "type", "orgId", "trackingId", "data" };

bool read_root_member(arena &a, int member, ondemand::value &v, ref_station_login &out)
{
    switch (member) {
    case ROOT_TYPE: return read_const(v, "StationLogin");
    case ROOT_ORG_ID: return read_string(a, v, out.org_id);
    case ROOT_TRACKING_ID: return read_string(a, v, out.tracking_id);
    case ROOT_DATA: return read_data(a, v, out.data);
    default: return true;
    }
}

bool read_root(arena &a, ondemand::document &doc, ref_station_login &out)
{
    ondemand::object object;
    uint32_t seen = 0;
    // 3.0.1's document has no at_end(): past the last token, the location
    // is out of bounds; anything else is text after the message.
    return !doc.get_object().get(object) &&
           read_members(object, root_keys, seen,
                        [&](int member, ondemand::value &value) {
                            return read_root_member(a, member, value, out);
                        }) &&
           seen == (1u << ROOT_MEMBER_COUNT) - 1 &&
           doc.current_location().error() == OUT_OF_BOUNDS;
}

} // namespace

extern "C" {

simdjson_ref *simdjson_ref_new(size_t max_len)
{
    simdjson_ref *ref = new (std::nothrow) simdjson_ref();
    if (ref == nullptr)
        return nullptr;
    ref->max_len = max_len;
    // Zeroed: On Demand may look at the padding, which must then be defined.
    ref->padded = static_cast<char *>(std::calloc(1, max_len + SIMDJSON_PADDING));
    if (ref->padded == nullptr || ref->parser.allocate(max_len) != SUCCESS) {
        simdjson_ref_delete(ref);
        return nullptr;
    }
    return ref;
}

void simdjson_ref_delete(simdjson_ref *ref)
{
    if (ref == nullptr)
        return;
    std::free(ref->padded);
    delete ref;
}

int simdjson_ref_station_login(simdjson_ref *ref, const char *text, size_t len,
                               ref_station_login *out)
{
    *out = ref_station_login{};
    if (len > ref->max_len)
        return -1;
    // wcc's decode reads the caller's unpadded buffer; On Demand needs
    // SIMDJSON_PADDING readable bytes past the end, hence this copy.
    std::memcpy(ref->padded, text, len);
    out->arena = static_cast<char *>(std::malloc(arena_size(len)));
    if (out->arena == nullptr)
        return -1;
    arena a(out->arena, arena_size(len));
    ondemand::document doc;
    if (ref->parser.iterate(ref->padded, len, len + SIMDJSON_PADDING).get(doc) ||
        !read_root(a, doc, *out)) {
        ref_station_login_free(out);
        return -1;
    }
    return 0;
}

void ref_station_login_free(ref_station_login *m)
{
    std::free(m->arena);
    *m = ref_station_login{};
}

const char *simdjson_ref_version(void)
{
    return REF_STRING(SIMDJSON_VERSION);
}

} // extern "C"
