/* openssl_exit.h - included once by each harness whose code reaches
 * libcrypto (ESP decryption, hashes).
 *
 * OpenSSL keeps per-thread state (its error queue, filled when a cipher
 * refuses a key) that its own exit handler does not free for the main
 * thread; LeakSanitizer, checking after it, then reports that state as
 * leaked (indirect leaks inside libcrypto, found on some runs and not
 * others).  A handler registered after OpenSSL's runs before it (atexit
 * handlers run in reverse) and frees the thread's state first, so that the
 * leak check stays on for our own allocations. */
#ifndef TRAWL_FUZZ_OPENSSL_EXIT_H
#define TRAWL_FUZZ_OPENSSL_EXIT_H

#include <openssl/crypto.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	OPENSSL_init_crypto(0, NULL);
	atexit(OPENSSL_thread_stop);
	return 0;
}

#endif
