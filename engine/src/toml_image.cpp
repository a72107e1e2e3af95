#include "toml_image.hpp"

#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace qixian::detail {

namespace {

// toml++ lets only its parser set a node's source region; a tree rebuilt from an image
// needs it too. The member is named through an explicit instantiation, where access
// checking does not apply ([temp.spec.general]/6), and handed out by a friend function.
using source_member = toml::source_region toml::node::*;
source_member node_source();
template <source_member M>
struct source_access {
    friend source_member node_source() { return M; }
};
template struct source_access<&toml::node::source_>;

enum class tag : std::uint8_t { table, array, string, integer, floating, boolean, date, time, date_time };

// ---- writing ----

struct writer {
    std::string out;

    template <class T>
    void put(T v) {
        char bytes[sizeof v];
        std::memcpy(bytes, &v, sizeof v);
        out.append(bytes, sizeof v);
    }
    void put_text(std::string_view s) {
        put(static_cast<std::uint32_t>(s.size()));
        out.append(s);
    }
    void put_region(const toml::source_region& r) {
        put(r.begin.line);
        put(r.begin.column);
        put(r.end.line);
        put(r.end.column);
    }
    void put_date(const toml::date& d) {
        put(d.year);
        put(d.month);
        put(d.day);
    }
    void put_time(const toml::time& t) {
        put(t.hour);
        put(t.minute);
        put(t.second);
        put(t.nanosecond);
    }
    void node(const toml::node& n);
};

void writer::node(const toml::node& n) {
    put_region(n.source());
    if (const auto* t = n.as_table()) {
        put(tag::table);
        put(static_cast<std::uint8_t>(t->is_inline()));
        put(static_cast<std::uint32_t>(t->size()));
        for (const auto& [k, v] : *t) {
            put_text(k.str());
            put_region(k.source());
            node(v);
        }
    } else if (const auto* a = n.as_array()) {
        put(tag::array);
        put(static_cast<std::uint32_t>(a->size()));
        for (const auto& v : *a) node(v);
    } else if (const auto* s = n.as_string()) {
        put(tag::string);
        put_text(s->get());
    } else if (const auto* i = n.as_integer()) {
        put(tag::integer);
        put(i->get());
        put(static_cast<std::uint16_t>(i->flags()));
    } else if (const auto* f = n.as_floating_point()) {
        put(tag::floating);
        put(f->get());
    } else if (const auto* b = n.as_boolean()) {
        put(tag::boolean);
        put(static_cast<std::uint8_t>(b->get()));
    } else if (const auto* d = n.as_date()) {
        put(tag::date);
        put_date(d->get());
    } else if (const auto* tm = n.as_time()) {
        put(tag::time);
        put_time(tm->get());
    } else if (const auto* dt = n.as_date_time()) {
        put(tag::date_time);
        put_date(dt->get().date);
        put_time(dt->get().time);
        put(static_cast<std::uint8_t>(dt->get().offset.has_value()));
        put(dt->get().offset ? dt->get().offset->minutes : std::int16_t{0});
    }
}

// ---- reading ----

struct reader {
    std::string_view in;
    toml::source_path_ptr path;

    template <class T>
    T get() {
        T v;
        std::memcpy(&v, in.data(), sizeof v);
        in.remove_prefix(sizeof v);
        return v;
    }
    std::string_view get_text() {
        const auto n = get<std::uint32_t>();
        const std::string_view s = in.substr(0, n);
        in.remove_prefix(n);
        return s;
    }
    toml::source_region get_region() {
        toml::source_region r;
        r.begin.line = get<toml::source_index>();
        r.begin.column = get<toml::source_index>();
        r.end.line = get<toml::source_index>();
        r.end.column = get<toml::source_index>();
        r.path = path;
        return r;
    }
    toml::date get_date() {
        toml::date d;
        d.year = get<std::uint16_t>();
        d.month = get<std::uint8_t>();
        d.day = get<std::uint8_t>();
        return d;
    }
    toml::time get_time() {
        toml::time t;
        t.hour = get<std::uint8_t>();
        t.minute = get<std::uint8_t>();
        t.second = get<std::uint8_t>();
        t.nanosecond = get<std::uint32_t>();
        return t;
    }
    // Reads one node into a place made by `make` (a table's or an array's emplace, given
    // the type to make and its value), then gives it the region read before it.
    template <class Make>
    void node(Make&& make) {
        const toml::source_region r = get_region();
        toml::node& n = value(make);
        n.*node_source() = r;
    }
    template <class Make>
    toml::node& value(Make& make);
    void fill(toml::table& t) {
        const auto n = get<std::uint32_t>();
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::string_view k = get_text();
            toml::key key(k, get_region());
            node([&]<class T>(std::type_identity<T>, auto&&... args) -> toml::node& {
                return t.emplace<T>(std::move(key), std::forward<decltype(args)>(args)...).first->second;
            });
        }
    }
    void fill(toml::array& a) {
        const auto n = get<std::uint32_t>();
        a.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i)
            node([&]<class T>(std::type_identity<T>, auto&&... args) -> toml::node& {
                return a.emplace_back<T>(std::forward<decltype(args)>(args)...);
            });
    }
};

template <class Make>
toml::node& reader::value(Make& make) {
    switch (get<tag>()) {
        case tag::table: {
            auto& t = *make(std::type_identity<toml::table>{}).as_table();
            t.is_inline(get<std::uint8_t>() != 0);
            fill(t);
            return t;
        }
        case tag::array: {
            auto& a = *make(std::type_identity<toml::array>{}).as_array();
            fill(a);
            return a;
        }
        case tag::string: return make(std::type_identity<std::string>{}, get_text());
        case tag::integer: {
            auto& i = *make(std::type_identity<std::int64_t>{}, get<std::int64_t>()).as_integer();
            i.flags(static_cast<toml::value_flags>(get<std::uint16_t>()));
            return i;
        }
        case tag::floating: return make(std::type_identity<double>{}, get<double>());
        case tag::boolean: return make(std::type_identity<bool>{}, get<std::uint8_t>() != 0);
        case tag::date: return make(std::type_identity<toml::date>{}, get_date());
        case tag::time: return make(std::type_identity<toml::time>{}, get_time());
        case tag::date_time: {
            toml::date_time dt;
            dt.date = get_date();
            dt.time = get_time();
            const bool has_offset = get<std::uint8_t>() != 0;
            const auto minutes = get<std::int16_t>();
            if (has_offset) {
                toml::time_offset offset;
                offset.minutes = minutes;
                dt.offset = offset;
            }
            return make(std::type_identity<toml::date_time>{}, dt);
        }
    }
    return make(std::type_identity<bool>{}, false);  // not reached: the build wrote the image
}

}  // namespace

std::string write_image(const toml::table& table) {
    writer w;
    w.node(table);
    return std::move(w.out);
}

toml::table read_image(std::string_view image, std::string_view path) {
    reader r{image, std::make_shared<const std::string>(path)};
    toml::table root;
    r.node([&]<class T>(std::type_identity<T>, auto&&...) -> toml::node& { return root; });  // the root is a table
    return root;
}

}  // namespace qixian::detail
