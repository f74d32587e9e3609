package lino.linod.it.pages;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Saves the browser's view after each test, passed or failed, as {@code screenshots/Class-method.png}. */
final class Screenshots implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        Chromium.screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName());
    }
}
