// One Markdown text with every construct imgr renders, shared by the
// parser's tests (no ImGui) and the drawing tests.
#pragma once

namespace imgr_test {

inline constexpr const char* kMarkdownSample = R"(# Title
## Subtitle ##
### Small

A paragraph with **bold**, *italic*, `code` and a [link](https://example.com "title").
It continues on a second line.

- first item
- second with __bold__
  - nested item
1. one
2) two

---

```python
def f(x):

    return x * 2
```

Escaped \*stars\* and snake_case_name and a lone * star.
<https://auto.example>
)";

}  // namespace imgr_test
