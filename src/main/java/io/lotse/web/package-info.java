/**
 * The agents' and ops' console: server-rendered Qute pages under {@code /ui}, signed in with a form.
 * Resources here are thin: they call the ticket, incident, reply and security services and hand records
 * to the templates. Templates escape everything; customer text is never rendered raw.
 */
package io.lotse.web;
