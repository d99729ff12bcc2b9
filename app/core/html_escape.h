// Text made safe to put in HTML, as text or in a quoted attribute: & < > " ' as entities.
// One rule for the HTML report, the comparison and the phones' pages.
#pragma once
#include <string>
#include <string_view>

namespace atelier::core {

std::string HtmlEscape(std::string_view text);

}  // namespace atelier::core
