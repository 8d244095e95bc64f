// Fixed-arity wrappers around libcurl's variadic curl_easy_setopt / curl_easy_getinfo.
// Swift cannot call C variadics ("Variadic function is unavailable"); redeclaring them with
// @_silgen_name would use the wrong call ABI. One static inline wrapper per argument kind.
#ifndef DAPGATE_CCURL_SHIM_H
#define DAPGATE_CCURL_SHIM_H
#include <curl/curl.h>

// CURLOPT_* options that take a long. Never pass int where libcurl reads long.
static inline CURLcode dapgate_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
// CURLOPT_* options that take a char * (libcurl copies strings; NULL resets, e.g. CURLOPT_CUSTOMREQUEST).
static inline CURLcode dapgate_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
// CURLOPT_* options that take a void * (WRITEDATA, READDATA, DEBUGDATA, ERRORBUFFER).
static inline CURLcode dapgate_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
// CURLOPT_MAIL_RCPT: "libcurl does not copy the list, it needs to be kept around until after the transfer".
static inline CURLcode dapgate_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*dapgate_curl_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*dapgate_curl_debug_callback)(CURL *h, curl_infotype type, char *data, size_t size, void *userdata);

// CURLOPT_WRITEFUNCTION / CURLOPT_READFUNCTION.
static inline CURLcode dapgate_curl_setopt_data_callback(CURL *h, CURLoption o, dapgate_curl_data_callback f) { return curl_easy_setopt(h, o, f); }
// CURLOPT_DEBUGFUNCTION: the only place that sees every server line (MAILSTACK gotcha 2).
static inline CURLcode dapgate_curl_setopt_debug_callback(CURL *h, dapgate_curl_debug_callback f) { return curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, f); }

static inline CURLcode dapgate_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }

#endif
