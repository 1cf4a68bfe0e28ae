'use strict'
// Placeholder: full implementation follows.
var dynalite = require('dynalite')
var db = require('dynalite/db')

function createServer (options) {
  var store
  var origCreate = db.create
  db.create = function () { store = origCreate.apply(this, arguments); return store }
  var server
  try { server = dynalite(options) }
  finally { db.create = origCreate }
  return { server: server, store: store }
}

exports.createServer = createServer
