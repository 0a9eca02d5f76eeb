// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // Copy buttons: <button data-copy="#selector" hidden> copies the element's text; shown only where it works.
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    var status = button.parentElement.querySelector('.copy-status');
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = 'Copied';
        if (status) {
          status.textContent = button.getAttribute('data-copied') || 'The key is on your clipboard.';
        }
      }, function () {
        if (status) {
          status.textContent = 'Could not copy: select the key and copy it yourself.';
        }
      });
    });
  });

  // Forms with data-confirm ask before they are sent.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
}());
