package lino.linod.it.pages;

import static lino.linod.it.pages.Chromium.all;
import static lino.linod.it.pages.Chromium.url;
import static lino.linod.it.pages.Chromium.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import lino.linod.it.RunningLinod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Signing in and out, with the mouse and with the keyboard, and the header every page has. */
@ExtendWith(Screenshots.class)
class SignInIT {

    private static boolean onSignInPage(WebDriver d) {
        return d.getCurrentUrl().contains("signin.xhtml") && !d.findElements(By.id("signin")).isEmpty();
    }

    @Test
    void pagesNeedASignIn() {
        ChromeDriver d = Chromium.signedOut();
        for (String page : List.of("", "tasks.xhtml", "procedures.xhtml", "daemon.xhtml")) {
            d.get(url(page));
            waitFor("/linod/" + page + " leads to the sign-in page when signed out", SignInIT::onSignInPage);
            assertTrue(d.findElements(By.id("tasks-table")).isEmpty(), "no tasks shown to nobody on /" + page);
        }
    }

    @Test
    void wrongPasswordStaysOnTheSignInPageWithAMessage() {
        ChromeDriver d = Chromium.signedOut();
        d.get(url("signin.xhtml"));
        d.findElement(By.id("name")).sendKeys(RunningLinod.ADMIN);
        d.findElement(By.id("password")).sendKeys("not-" + RunningLinod.ADMIN_PASSWORD);
        d.findElement(By.id("signin")).click();
        String message = waitFor("the wrong-password message",
                x -> x.findElements(By.cssSelector(".messages")).stream().map(WebElement::getText)
                        .filter(t -> t.contains("Wrong user name or password.")).findFirst().orElse(null));
        assertTrue(onSignInPage(d), "still on the sign-in page: " + d.getCurrentUrl());
        assertTrue(message.contains("Wrong user name or password."), message);
        d.get(url("tasks.xhtml"));
        waitFor("still signed out after a wrong password", SignInIT::onSignInPage);
    }

    @Test
    void signInShowsTheTasksAndTheHeaderAndSignOutEndsTheSession() {
        ChromeDriver d = Chromium.staff();
        assertEquals("System tasks", d.findElement(By.tagName("h1")).getText());
        WebElement nav = d.findElement(By.cssSelector("header nav"));
        Map<String, String> links = Map.of("System tasks", "tasks.xhtml", "Background procedures", "procedures.xhtml",
                "Daemon", "daemon.xhtml");
        for (Map.Entry<String, String> link : links.entrySet()) {
            WebElement a = nav.findElement(By.linkText(link.getKey()));
            assertTrue(a.getAttribute("href").contains(link.getValue()), link + ": " + a.getAttribute("href"));
        }
        assertEquals(RunningLinod.ADMIN, d.findElement(By.id("user")).getText());
        assertEquals("Sign out", buttonText(d.findElement(By.id("signout"))));

        d.findElement(By.id("signout")).click();
        waitFor("the sign-in page after signing out", SignInIT::onSignInPage);
        d.get(url("tasks.xhtml"));
        waitFor("tasks.xhtml asks for a sign-in again after signing out", SignInIT::onSignInPage);
        assertTrue(all("#tasks-table").isEmpty());
    }

    @Test
    void signInWithTheKeyboardAlone() {
        ChromeDriver d = Chromium.signedOut();
        d.get(url("signin.xhtml"));
        d.findElement(By.id("name")).click();
        d.switchTo().activeElement().sendKeys(RunningLinod.ADMIN, Keys.TAB);
        assertEquals("password", d.switchTo().activeElement().getAttribute("id"), "Tab from the name goes to the password");
        d.switchTo().activeElement().sendKeys(RunningLinod.ADMIN_PASSWORD, Keys.TAB);
        assertEquals("signin", d.switchTo().activeElement().getAttribute("id"),
                "Tab from the password goes to the Sign in button");
        d.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor("the system tasks page after Enter on Sign in",
                x -> x.getCurrentUrl().contains("tasks.xhtml") && !x.findElements(By.id("tasks-table")).isEmpty());
        assertEquals(RunningLinod.ADMIN, d.findElement(By.id("user")).getText());
    }

    static String buttonText(WebElement button) {
        String value = button.getAttribute("value");
        return "input".equals(button.getTagName()) && value != null ? value : button.getText();
    }
}
