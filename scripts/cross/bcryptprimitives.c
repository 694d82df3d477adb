/* Wine 8 has no bcryptprimitives.dll, from which Rust's standard library (1.78 and later) takes
 * ProcessPrng for its random numbers (hash map seeds): this one forwards it to RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. Test-only: it goes into the Wine prefix that
 * scripts/cross.sh makes under target/, never into a build of Rapport. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
