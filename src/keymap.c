/* keymap.c — see keymap.h. Actions, their help and their default keys
 * come from the one table KEYMAP_ACTIONS; the defaults are written in the
 * same notation as [keys] and go through keymap_bind, so the INI syntax
 * and the built-in map cannot drift apart. */
#include "keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "util.h"

typedef struct keymap_binding {
	int key;
	keymap_action action;
} keymap_binding;

/* Bindings in the order they were made: keymap_keys_of reports that order,
 * and a few dozen entries make a linear lookup as fast as anything. */
struct keymap {
	keymap_binding *b;
	size_t n, cap;
};

/* The rows of KEYMAP_ACTIONS (keymap.h) without the reader's part. The
 * default keys are in [keys] notation and go through keymap_bind; C-h
 * also goes back because many terminals send it for the Backspace key. */
static const struct {
	const char *name, *keys, *help;
} actions[KA_COUNT] = {
#define X(id, name, handler, arg, keys, help) [KA_##id] = { name, keys, help },
	KEYMAP_ACTIONS(X)
#undef X
};

/* Named keys: the canonical name first, then aliases. */
static const struct {
	int key;
	const char *name;
} named_keys[] = {
	{ ' ', "Space" },
	{ KEYMAP_K_TAB, "Tab" },
	{ KEYMAP_K_BTAB, "BTab" },
	{ KEYMAP_K_ENTER, "Enter" },
	{ KEYMAP_K_ESC, "Esc" },
	{ KEYMAP_K_BACKSPACE, "Backspace" },
	{ KEYMAP_K_DELETE, "Delete" },
	{ KEYMAP_K_INSERT, "Insert" },
	{ KEYMAP_K_UP, "Up" },
	{ KEYMAP_K_DOWN, "Down" },
	{ KEYMAP_K_LEFT, "Left" },
	{ KEYMAP_K_RIGHT, "Right" },
	{ KEYMAP_K_PGUP, "PgUp" },
	{ KEYMAP_K_PGDN, "PgDn" },
	{ KEYMAP_K_HOME, "Home" },
	{ KEYMAP_K_END, "End" },
	/* aliases */
	{ ' ', "Spc" },
	{ KEYMAP_K_BTAB, "S-Tab" },
	{ KEYMAP_K_BTAB, "BackTab" },
	{ KEYMAP_K_ENTER, "Return" },
	{ KEYMAP_K_ENTER, "Ret" },
	{ KEYMAP_K_ESC, "Escape" },
	{ KEYMAP_K_BACKSPACE, "BS" },
	{ KEYMAP_K_DELETE, "Del" },
	{ KEYMAP_K_INSERT, "Ins" },
	{ KEYMAP_K_PGUP, "PageUp" },
	{ KEYMAP_K_PGDN, "PageDown" },
};

static bool valid_action(keymap_action a)
{
	return a > KA_NONE && a < KA_COUNT;
}

keymap_action keymap_action_by_name(const char *name)
{
	for (int a = KA_NONE + 1; a < KA_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (keymap_action)a;
	return KA_NONE;
}

const char *keymap_action_name(keymap_action a)
{
	return valid_action(a) ? actions[a].name : NULL;
}

const char *keymap_action_help(keymap_action a)
{
	return valid_action(a) ? actions[a].help : NULL;
}

/* Ctrl and a letter; the three that a terminal cannot tell from Tab and
 * Enter are those keys. */
static int ctrl_key(int letter)
{
	switch (letter | 0x20) {
	case 'i': return KEYMAP_K_TAB;
	case 'j': case 'm': return KEYMAP_K_ENTER;
	default: return KEYMAP_CTRL(letter);
	}
}

int keymap_normalize_key(int key)
{
	switch (key) {
	case 27: return KEYMAP_K_ESC;
	case 127: return KEYMAP_K_BACKSPACE;
	default: break;
	}
	if (key >= 1 && key <= 26)
		return ctrl_key('a' + key - 1);
	if (key > KEYMAP_K_CTRL_BASE && key <= KEYMAP_K_CTRL_BASE + 26)
		return ctrl_key('a' + key - KEYMAP_K_CTRL_BASE - 1);
	return key;
}

static bool is_control(ucs4_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

static bool is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The one code point that makes up all of `name`, or -1. */
static int single_char(const char *name)
{
	size_t len = strlen(name);
	ucs4_t cp;
	int n = u8_mbtoucr(&cp, (const uint8_t *)name, len);
	if (n <= 0 || (size_t)n != len || is_control(cp))
		return -1;
	return (int)cp;
}

static int function_key(const char *name)
{
	if ((name[0] != 'F' && name[0] != 'f') || name[1] < '1' || name[1] > '9')
		return -1;
	int n = name[1] - '0';
	if (name[2] != '\0') {
		if (name[2] < '0' || name[2] > '9' || name[3] != '\0')
			return -1;
		n = n * 10 + name[2] - '0';
	}
	return n <= 12 ? KEYMAP_K_F1 + n - 1 : -1;
}

static int control_key(const char *name)
{
	static const char *const prefixes[] = { "C-", "Ctrl-", "^" };
	for (size_t i = 0; i < UTIL_ARRAY_LEN(prefixes); i++) {
		size_t plen = strlen(prefixes[i]);
		if (strncasecmp(name, prefixes[i], plen) == 0 &&
		    is_ascii_letter(name[plen]) && name[plen + 1] == '\0')
			return ctrl_key(name[plen]);
	}
	return -1;
}

int keymap_parse_key(const char *name)
{
	if (!name || !*name)
		return -1;
	int key = single_char(name);
	if (key >= 0)
		return key;
	for (size_t i = 0; i < UTIL_ARRAY_LEN(named_keys); i++)
		if (strcasecmp(name, named_keys[i].name) == 0)
			return named_keys[i].key;
	key = function_key(name);
	if (key >= 0)
		return key;
	return control_key(name);
}

const char *keymap_key_name(int key, char *buf, size_t len)
{
	for (size_t i = 0; i < UTIL_ARRAY_LEN(named_keys); i++) {
		if (named_keys[i].key == key) {
			snprintf(buf, len, "%s", named_keys[i].name);
			return buf;
		}
	}
	if (key >= KEYMAP_K_F1 && key <= KEYMAP_K_F12) {
		snprintf(buf, len, "F%d", key - KEYMAP_K_F1 + 1);
	} else if (key > KEYMAP_K_CTRL_BASE && key <= KEYMAP_K_CTRL_BASE + 26) {
		snprintf(buf, len, "C-%c", 'a' + key - KEYMAP_K_CTRL_BASE - 1);
	} else {
		uint8_t utf8[8];
		int n = key >= 0 && !is_control((ucs4_t)key)
			? u8_uctomb(utf8, (ucs4_t)key, (int)sizeof utf8 - 1) : -1;
		if (n > 0)
			snprintf(buf, len, "%.*s", n, (const char *)utf8);
		else
			snprintf(buf, len, "U+%04X", (unsigned)key);
	}
	return buf;
}

static void unbind_if(keymap *km, bool (*match)(const keymap_binding *, int), int what)
{
	size_t kept = 0;
	for (size_t i = 0; i < km->n; i++)
		if (!match(&km->b[i], what))
			km->b[kept++] = km->b[i];
	km->n = kept;
}

static bool binding_has_key(const keymap_binding *b, int key)
{
	return b->key == key;
}

static bool binding_has_action(const keymap_binding *b, int action)
{
	return (int)b->action == action;
}

static bool push_key(const char *name, size_t len, int **keys, size_t *nkeys,
		     size_t *cap, char *err, size_t errlen)
{
	char *s = util_strndup(name, len);
	int key = keymap_parse_key(s);
	if (key < 0)
		snprintf(err, errlen, "unknown key name \"%s\"", s);
	else
		UTIL_PUSH(*keys, *nkeys, *cap, key);
	free(s);
	return key >= 0;
}

/* Splits a spec into key names: spaces separate, commas too, except that a
 * lone "," names the comma key. Stores the keys in *keys (caller frees);
 * on an unknown name writes the message and returns false. */
static bool parse_spec(const char *spec, int **keys, size_t *nkeys,
		       char *err, size_t errlen)
{
	size_t cap = 0;
	*keys = NULL;
	*nkeys = 0;
	const char *p = spec + strspn(spec, " \t");
	while (*p) {
		size_t tok = strcspn(p, " \t");
		if (tok == 1 && *p == ',') {
			if (!push_key(p, 1, keys, nkeys, &cap, err, errlen))
				goto fail;
		} else {
			for (const char *q = p, *end = p + tok; q < end; ) {
				size_t len = strcspn(q, " \t,");   /* stops at end */
				if (len > 0 && !push_key(q, len, keys, nkeys, &cap, err, errlen))
					goto fail;
				q += len + 1;       /* past the comma */
			}
		}
		p += tok;
		p += strspn(p, " \t");
	}
	return true;
fail:
	free(*keys);
	*keys = NULL;
	return false;
}

bool keymap_bind(keymap *km, keymap_action action, const char *spec,
		 char *err, size_t errlen)
{
	if (!valid_action(action)) {
		snprintf(err, errlen, "no such action");
		return false;
	}
	int *keys;
	size_t nkeys;
	if (!parse_spec(spec, &keys, &nkeys, err, errlen))
		return false;
	unbind_if(km, binding_has_action, (int)action);
	for (size_t i = 0; i < nkeys; i++) {
		unbind_if(km, binding_has_key, keys[i]);    /* also drops a repeat */
		keymap_binding b = { keys[i], action };
		UTIL_PUSH(km->b, km->n, km->cap, b);
	}
	free(keys);
	return true;
}

keymap *keymap_new(void)
{
	keymap *km = util_calloc(1, sizeof *km);
	for (int a = KA_NONE + 1; a < KA_COUNT; a++) {
		char err[128];
		if (!keymap_bind(km, (keymap_action)a, actions[a].keys, err, sizeof err))
			util_fatal("default keys of %s: %s", actions[a].name, err);
	}
	return km;
}

void keymap_free(keymap *km)
{
	if (!km)
		return;
	free(km->b);
	free(km);
}

keymap_action keymap_lookup(const keymap *km, int key)
{
	key = keymap_normalize_key(key);
	for (size_t i = 0; i < km->n; i++)
		if (km->b[i].key == key)
			return km->b[i].action;
	return KA_NONE;
}

size_t keymap_keys_of(const keymap *km, keymap_action a, int *keys, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < km->n && n < max; i++)
		if (km->b[i].action == a)
			keys[n++] = km->b[i].key;
	return n;
}

size_t keymap_keys_text(const keymap *km, keymap_action a, util_buf *out)
{
	size_t n = 0;
	for (size_t i = 0; i < km->n; i++) {
		if (km->b[i].action != a)
			continue;
		char name[KEYMAP_KEY_NAME_MAX];
		if (n++)
			util_buf_addc(out, ' ');
		util_buf_adds(out, keymap_key_name(km->b[i].key, name, sizeof name));
	}
	return n;
}
