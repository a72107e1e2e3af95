#!/usr/bin/python3
"""The web page in a real browser: Debian's chromium, driven by chromium-driver through
python3-selenium, headless. Opens the page, searches for a rule, fills the form with the
keyboard, submits, reads the last day, switches to Chinese, downloads the .ics, and sees a
form with a missing field come back with the message beside the field. Screenshots are
saved as test artifacts in ARTIFACT_DIR. Usage: browser_test.py QIXIAN_BINARY ARTIFACT_DIR"""
import glob
import os
import shutil
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Server  # noqa: E402

qixian, artifacts = sys.argv[1], sys.argv[2]
os.makedirs(artifacts, exist_ok=True)
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, flush=True)


def browser(profile, downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1500", "--lang=en-US",
                 "--user-data-dir=" + profile):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "en-US,en"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def navigate(driver, action):
    # Runs an action that loads a new page (a link, a submit by click or by Enter) and waits
    # until the old page is gone and the new one is loaded: the next look is at the new page.
    old = driver.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(old))
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def shot(driver, name):
    # The whole page: the window grows to the document's height first.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(900, min(height + 40, 6000)))
    driver.save_screenshot(os.path.join(artifacts, name))


def run(driver, server, downloads):
    driver.get(server.url("/"))
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "English by Accept-Language")
    search = driver.find_element(By.ID, "q")
    navigate(driver, lambda: search.send_keys("enforcement", Keys.ENTER))
    links = driver.find_elements(By.CSS_SELECTOR, "ul.rules a")
    check(any("cn.enforcement.application" in a.get_attribute("href") for a in links), "search finds the rule")
    check(not any("cn.appeal.judgment" in a.get_attribute("href") for a in links), "search filters the others out")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "a[href*='rule=cn.enforcement.application&']").click)
    # The events follow the rule's triggers.
    check(len(driver.find_elements(By.ID, "ev.effective.date")) == 1, "the form asks for the effective day")
    check(len(driver.find_elements(By.ID, "ev.served.date")) == 0, "and not for events the rule does not use")
    shot(driver, "form-en.png")

    # Submitted without a day: the form again, the message beside the events.
    navigate(driver, driver.find_element(By.ID, "compute").click)
    errors = driver.find_elements(By.ID, "events-error")
    check(len(errors) == 1 and "at least one" in errors[0].text, "missing event: message beside the field")
    shot(driver, "missing-field-en.png")

    day = driver.find_element(By.ID, "ev.effective.date")
    day.send_keys("06302023")  # typed as a person would, in the en-US date field
    check(day.get_attribute("value") == "2023-06-30", "the date field holds the typed day (%r)" % day.get_attribute("value"))
    driver.find_element(By.ID, "act.date").send_keys("07102025")
    zone = driver.find_element(By.ID, "zone")
    zone.send_keys("America/New_York")
    navigate(driver, lambda: zone.send_keys(Keys.ENTER))  # submit from the keyboard
    last = driver.find_element(By.ID, "last-day")
    check(last.text == "2025-06-30", "the last day is 2025-06-30 (got %r)" % last.text)
    check(driver.find_element(By.CSS_SELECTOR, "#answer .weekday").text == "Monday", "with its weekday")
    check(driver.find_element(By.ID, "status").text == "late", "judged late")
    check(driver.find_element(By.ID, "ends-local").text == "2025-06-30 12:00:00 -04:00", "the last moment in New York")
    permalink = driver.find_element(By.ID, "permalink").get_attribute("href")
    shot(driver, "answer-en.png")
    driver.find_element(By.ID, "answer").screenshot(os.path.join(artifacts, "answer-en-part.png"))

    navigate(driver, driver.find_element(By.ID, "lang-zh").click)
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN", "switched to Chinese")
    check(driver.find_element(By.ID, "last-day").text == "2025-06-30", "the same last day in Chinese")
    check(driver.find_element(By.CSS_SELECTOR, "#answer .weekday").text == "星期一", "星期一")
    check(driver.find_element(By.ID, "status").text == "已逾期", "已逾期")
    check("2年" in driver.find_element(By.ID, "answer").text, "the period in Chinese")
    shot(driver, "answer-zh.png")
    driver.find_element(By.ID, "answer").screenshot(os.path.join(artifacts, "answer-zh-part.png"))

    driver.find_element(By.ID, "ics").click()
    # Chromium reserves the file's name (empty) as the download starts and renames the
    # finished .crdownload over it: wait for the whole calendar, not for the name.
    found = []
    for _ in range(200):
        found = [f for f in glob.glob(os.path.join(downloads, "*.ics"))]
        partial = glob.glob(os.path.join(downloads, "*.crdownload"))
        if len(found) == 1 and not partial:
            with open(found[0], "rb") as f:
                if f.read().rstrip().endswith(b"END:VCALENDAR"):
                    break
        time.sleep(0.1)
    check(len(found) == 1, "the .ics downloaded")
    if found:
        with open(found[0], "rb") as f:
            ics = f.read()
        check(b"DTSTART;VALUE=DATE:20250630\r\n" in ics, "the calendar entry falls on the last day")
        shutil.copy(found[0], os.path.join(artifacts, "answer.ics"))

    # The permalink reproduces the computation in a fresh page.
    driver.get(permalink)
    check(driver.find_element(By.ID, "last-day").text == "2025-06-30", "the permalink reproduces the answer")

    driver.get(server.url("/docket?lang=zh&events=received%3D2025-03-03&rules=cn.payment-order.*"))
    rows = driver.find_elements(By.CSS_SELECTOR, "#docket tbody tr")
    check(len(rows) >= 1, "the docket page lists deadlines")
    shot(driver, "docket-zh.png")


def main():
    server = Server(qixian, "--threads", "2")
    profile = tempfile.mkdtemp(prefix="qixian-chromium-")
    downloads = tempfile.mkdtemp(prefix="qixian-downloads-")
    driver = None
    try:
        driver = browser(profile, downloads)
        run(driver, server, downloads)
    finally:
        if driver is not None:
            driver.quit()
        check(server.stop() == 0, "the server stops cleanly")
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(downloads, ignore_errors=True)
    print("%d passed, %d failed; screenshots in %s" % (passed, failed, artifacts))
    sys.exit(1 if failed else 0)


main()
