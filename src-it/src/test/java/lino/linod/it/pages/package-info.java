/**
 * Black-box tests of the Faces admin pages in headless Chromium (Selenium with the system chromedriver) on the
 * built Payara Micro WAR that the REST suite also uses. The REST API sets up each test's own tasks and checks,
 * behind the page's back, what a click changed or did not; demo tasks are only read. Waiting is on a condition
 * with a deadline (WebDriverWait, or polling the API on a private lock), never sleeping. Every test leaves a
 * screenshot in {@code target/screenshots}.
 */
package lino.linod.it.pages;
