package rbm.io;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component whose key a file may lack, for a field added after files were written without it. {@link
 * JsonFiles} reads a missing key as a null would read (NaN for a number, a record's {@code ABSENT} constant, else
 * null), even where every other key is required, and leaves the key out when the value is null or NaN, so an older
 * file loads and writes back key for key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface OptionalKey {
}
