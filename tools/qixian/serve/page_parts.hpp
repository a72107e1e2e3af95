// The parts of the web page shared by its pages (internal to serve/; see page.cpp).
#pragma once

#include "api.hpp"
#include "http_util.hpp"
#include "page_text.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace qixian::serve::page_detail {

using json = nlohmann::ordered_json;
using errors = std::map<std::string, std::string>;  ///< form field → message

/// A page being written: the query it answers, its language and the HTML so far.
struct page_ctx {
    const rule_pack& pack;
    query_pairs q;
    const page_text& t;
    bool zh;
    std::string html;

    std::string get(std::string_view name) const { return query_value(q, name).value_or(""); }
    void add(std::string_view s) { html += s; }
    void esc(std::string_view s) { html += html_escape(s); }
};

/// The document head, the navigation and the language switch (which keeps the query).
void head(page_ctx& p, std::string_view title, const std::string& path);
/// The footer; the page as a response with its security headers.
response finish(page_ctx& p, int status);

void field_error(page_ctx& p, const errors& errs, const std::string& name);
void input(page_ctx& p, const errors& errs, const std::string& name, std::string_view label, std::string_view type,
           std::string_view hint = {}, const std::string& error_key = {});
void facts_and_readings(page_ctx& p, const errors& errs);
void zone_list(page_ctx& p);

/// "/deadline?…" that reproduces the computation (the query without empty values and format).
std::string permalink(const query_pairs& q);

/// The answer of the deadline page, from the answer JSON (the API's fields).
void answer_section(page_ctx& p, const json& a);

/// GET /docket: the case form and, when events are given, the docket.
response docket_page(page_ctx& p);

/// Whether Accept-Language prefers Chinese over English.
bool prefers_zh(std::string_view accept_language);

/// The stylesheet (screen and print).
std::string_view stylesheet();

}  // namespace qixian::serve::page_detail
