// The skill simulator page. No build step, no libraries: plain DOM and fetch.
// The server keeps no session state, so this page holds the session (id, attributes)
// and sends it back with every utterance, the way Alexa round-trips session attributes.
"use strict";

(function () {
  const form = document.getElementById("ask-form");
  const input = document.getElementById("utterance");
  const sendButton = document.getElementById("send");
  const errorBox = document.getElementById("error");
  const transcript = document.getElementById("transcript");
  const template = document.getElementById("turn-template");
  const showRaw = document.getElementById("show-raw");
  const speak = document.getElementById("speak");
  const sessionState = document.getElementById("session-state");
  const viewInputs = document.querySelectorAll('input[name="view"]');
  const localePicker = document.getElementById("locale");
  const VIEW_KEY = "si-simulator-view";  // patient or developer, remembered in this browser
  let session = null;
  let busy = false;

  const canSpeak = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window;
  if (!canSpeak) {
    speak.disabled = true;
    speak.parentElement.title = "This browser cannot read aloud";
  }

  function savedView() {
    try {
      return window.localStorage.getItem(VIEW_KEY) === "patient" ? "patient" : "developer";
    } catch (e) {
      return "developer";  // storage blocked: the default view
    }
  }

  function setView(view, remember) {
    document.body.classList.toggle("view-patient", view === "patient");
    viewInputs.forEach(function (input) { input.checked = input.value === view; });
    if (!remember) return;
    try {
      window.localStorage.setItem(VIEW_KEY, view);
    } catch (e) {
      // storage blocked: the view holds until the page is reloaded
    }
  }

  setView(savedView(), false);

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
    });
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (!response.ok) {
      throw new Error((data && data.error) || "The simulator answered " + response.status);
    }
    return data;
  }

  // The conversation the session carries (skill.alexa.session): the topic follow-ups
  // use, and the question waiting for a reply ("Do you mean ...?", "Want that answer?").
  function topicOf(attributes) {
    const topic = attributes && attributes.topic;
    if (!topic) return "none";
    const slots = Object.entries(attributes.slots || {});
    const act = attributes.act ? " (" + attributes.act + ")" : "";
    return topic + (slots.length
      ? " [" + slots.map(function (kv) { return kv[0] + " = " + kv[1]; }).join(", ") + "]"
      : "") + act;
  }

  function pendingOf(attributes) {
    if (attributes && attributes.choice && attributes.choice.length) {
      return "which one: " + attributes.choice.join(" or ");
    }
    if (attributes && attributes.offer) return "offered: " + attributes.offer;
    if (attributes && attributes.more) return "more on: " + attributes.more;
    return "none";
  }

  function yesNo(value) {
    return value ? "yes" : "no";
  }

  function describeExplain(explain) {
    if (!explain) return "";
    const lines = [
      "normalized: " + explain.normalized,
      "matched as: " + explain.matched,
    ];
    explain.safety.forEach(function (f) {
      lines.push("safety:     " + f.rule + " (" + f.status + ") -> " + f.intent);
    });
    lines.push("candidates:");
    explain.candidates.forEach(function (c) {
      lines.push("  " + c.score.toFixed(1).padStart(5) + "  " + c.intent);
    });
    const d = explain.decision;
    lines.push("decision:   " + d.intent + " (" + d.score.toFixed(1) + ", " + d.rule + ")");
    return lines.join("\n");
  }

  function urgentLabel(turn) {
    // The card's title names the call to make, with the locale's emergency number.
    const call = turn.card.title.charAt(0).toLowerCase() + turn.card.title.slice(1);
    if (turn.intent === "EmergencyIntent") return "URGENT — " + call + " now";
    return "URGENT — " + call;
  }

  function addTurn(data) {
    const turn = data.turn;
    const item = template.content.firstElementChild.cloneNode(true);
    const q = function (selector) { return item.querySelector(selector); };
    if (turn.text) {
      q(".said").textContent = turn.text;
    } else {
      q(".you").textContent = "(skill opened)";
    }
    q(".speech").textContent = turn.speech;
    q(".intent").textContent = turn.intent;
    q(".score").textContent = turn.score.toFixed(1);
    q(".urgent").textContent = yesNo(turn.urgent);
    const slots = Object.entries(turn.slots);
    q(".slots").textContent = slots.length
      ? slots.map(function (kv) { return kv[0] + " = " + kv[1]; }).join(", ")
      : "none";
    q(".reprompt").textContent = turn.reprompt || "none";
    q(".end").textContent = yesNo(turn.end_session);
    q(".card").textContent = turn.card.title
      ? turn.card.title + "\n\n" + turn.card.text
      : "none";
    q(".ssml").textContent = turn.ssml;
    q(".apl").textContent = data.apl ? JSON.stringify(data.apl, null, 2) : "none";
    q(".session").textContent = JSON.stringify(data.session.attributes, null, 2);
    q(".topic").textContent = topicOf(data.session.attributes);
    q(".pending").textContent = pendingOf(data.session.attributes);
    if (turn.urgent) {
      item.classList.add("is-urgent");
      q(".urgent-label").hidden = false;
      q(".urgent-text").textContent = urgentLabel(turn);
    }
    if (turn.end_session) item.classList.add("is-ended");
    if (data.explain) {
      q(".explain").hidden = false;
      q(".explain-text").textContent = describeExplain(data.explain);
    }
    q(".raw-request").textContent = JSON.stringify(data.raw.request, null, 2);
    q(".raw-response").textContent = JSON.stringify(data.raw.response, null, 2);
    q(".raw").hidden = !showRaw.checked;
    transcript.appendChild(item);
    item.scrollIntoView({ block: "start" });  // the answer, not the raw JSON below it
    if (speak.checked && canSpeak) {
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(turn.speech));
    }
  }

  function remember(data) {
    session = data.session;
    sessionState.textContent = session.ended
      ? "Session ended. Your next question starts a new one."
      : "";
  }

  async function run(task) {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    showError("");
    try {
      await task();
    } catch (error) {
      showError(error.message);
    } finally {
      busy = false;
      sendButton.disabled = false;
    }
  }

  function startSession() {
    return run(async function () {
      const data = await post("api/session", { locale: localePicker.value });
      transcript.replaceChildren();
      remember(data);
      addTurn(data);
    });
  }

  function ask(text) {
    return run(async function () {
      const data = await post("api/ask", {
        session: session, text: text, locale: localePicker.value,
      });
      remember(data);
      addTurn(data);
      input.value = "";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      showError("Type something to say to the skill.");
      input.focus();
      return;
    }
    ask(text).then(function () { input.focus(); });
  });

  document.getElementById("new-session").addEventListener("click", function () {
    startSession().then(function () { input.focus(); });
  });

  document.querySelectorAll(".example").forEach(function (button) {
    button.addEventListener("click", function () {
      input.value = button.dataset.text;
      ask(button.dataset.text);
    });
  });

  showRaw.addEventListener("change", function () {
    transcript.querySelectorAll(".raw").forEach(function (raw) {
      raw.hidden = !showRaw.checked;
    });
  });

  viewInputs.forEach(function (input) {
    input.addEventListener("change", function () {
      if (input.checked) setView(input.value, true);
    });
  });

  localePicker.addEventListener("change", function () {
    startSession();  // a new language is a new session, as on a device
  });

  speak.addEventListener("change", function () {
    if (!speak.checked && canSpeak) window.speechSynthesis.cancel();
  });

  startSession();
})();
