package fakeportal

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode"
)

// body reads a JSON object member by member with the server's model binding rules: names match without
// regard to case, unknown members are ignored (api-notes.md §7, BUG 82365), null means absent, and a
// value of the wrong JSON type is a validation error.
type body struct {
	c       *call
	members map[string]json.RawMessage
	failed  bool
}

func (c *call) object() *body {
	b := &body{c: c, members: map[string]json.RawMessage{}}
	if len(c.body) == 0 {
		return b
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(c.body, &m); err != nil {
		b.fail("$", "The JSON value could not be converted to the request model.")
		return b
	}
	for k, v := range m {
		b.members[strings.ToLower(k)] = v
	}
	return b
}

// fieldName is how the server names a member in validation errors: "Title", "RoomType".
func fieldName(name string) string {
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func (b *body) fail(field, msg string) {
	if !b.failed {
		b.failed = true
		b.c.invalid(field, msg)
	}
}

func (b *body) raw(name string) (json.RawMessage, bool) {
	v, ok := b.members[strings.ToLower(name)]
	if !ok || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
		return nil, false
	}
	return v, true
}

func (b *body) has(name string) bool { _, ok := b.raw(name); return ok }

// isNull reports a member present with the value null.
func (b *body) isNull(name string) bool {
	v, ok := b.members[strings.ToLower(name)]
	return ok && bytes.Equal(bytes.TrimSpace(v), []byte("null"))
}

func (b *body) decode(name string, into any, typeName string) bool {
	v, ok := b.raw(name)
	if !ok {
		return false
	}
	if err := json.Unmarshal(v, into); err != nil {
		b.fail("$."+name, "The JSON value could not be converted to "+typeName+".")
		return false
	}
	return true
}

func (b *body) str(name string) (string, bool) {
	var s string
	ok := b.decode(name, &s, "System.String")
	return s, ok
}

func (b *body) boolean(name string) (bool, bool) {
	var v bool
	ok := b.decode(name, &v, "System.Boolean")
	return v, ok
}

// int64 reads a numeric member; like the server (NumberHandling.AllowReadingFromString) it also takes
// a number written as a string, such as "12" (api-notes.md §3).
func (b *body) int64(name string) (int64, bool) {
	var v flexInt
	ok := b.decode(name, &v, "System.Int64")
	return int64(v), ok
}

// enumNumber reads an enum member bound without a string converter: a JSON number only.
func (b *body) enumNumber(name, typeName string) (int64, bool) {
	var v int64
	ok := b.decode(name, &v, typeName)
	return v, ok
}

// flexInt is an integer that may be written as a JSON string holding a number.
type flexInt int64

func (n *flexInt) UnmarshalJSON(data []byte) error {
	var v int64
	if err := json.Unmarshal(data, &v); err == nil {
		*n = flexInt(v)
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return err
	}
	*n = flexInt(v)
	return nil
}

// flexFloat is a floating-point number that may be written as a JSON string.
type flexFloat float64

func (n *flexFloat) UnmarshalJSON(data []byte) error {
	var v float64
	if err := json.Unmarshal(data, &v); err == nil {
		*n = flexFloat(v)
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return err
	}
	*n = flexFloat(v)
	return nil
}

func (b *body) strings(name string) ([]string, bool) {
	var v []string
	ok := b.decode(name, &v, "System.String[]")
	return v, ok
}

// maxLength applies a [StringLength] attribute.
func (b *body) maxLength(name string, n int) (string, bool) {
	s, ok := b.str(name)
	if ok && utf16Len(s) > n {
		b.fail(fieldName(name), "The field "+fieldName(name)+" must be a string with a maximum length of "+strconv.Itoa(n)+".")
	}
	return s, ok
}
