/*
 * The segment language: one boolean expression over a citizen.
 * Keywords are case-insensitive; see docs/segment-language.md for the readable form.
 */
grammar Segment;

options { caseInsensitive = true; }

segment    : expression EOF ;

expression : orExpr ;
orExpr     : andExpr (OR andExpr)* ;
andExpr    : notExpr (AND notExpr)* ;
notExpr    : NOT notExpr | primary ;

primary
    : LPAREN expression RPAREN                                                   # parens
    | IN SEGMENT STRING                                                          # inSegment
    | COUNT LPAREN source (WHERE expression)? RPAREN comparator integer          # count
    | which=(FIRST | LAST) LPAREN source (WHERE expression)? RPAREN DOT name comparator value # extreme
    | path LPAREN DURATION RPAREN                                                # call
    | path comparator value                                                      # comparison
    | path BETWEEN value AND value                                               # between
    | path IN LPAREN value (COMMA value)* RPAREN                                 # inList
    | path                                                                       # flag
    ;

source     : CONTACTS | CASES ;
path       : name (DOT name)* ;
name       : IDENT | CONTACTS | CASES | SEGMENT | COUNT | FIRST | LAST ;
comparator : EQ | NE | LT | LE | GT | GE ;
integer    : MINUS? NUMBER ;
value
    : STRING                                                                     # text
    | MINUS? NUMBER                                                              # number
    | DATE                                                                       # day
    | (TRUE | FALSE)                                                             # bool
    | NOW ((PLUS | MINUS) DURATION)?                                             # relative
    ;

AND      : 'and' ;
OR       : 'or' ;
NOT      : 'not' ;
IN       : 'in' ;
BETWEEN  : 'between' ;
SEGMENT  : 'segment' ;
COUNT    : 'count' ;
FIRST    : 'first' ;
LAST     : 'last' ;
WHERE    : 'where' ;
CONTACTS : 'contacts' ;
CASES    : 'cases' ;
TRUE     : 'true' ;
FALSE    : 'false' ;
NOW      : 'now' ;

EQ : '=' ;
NE : '!=' | '<>' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA  : ',' ;
DOT    : '.' ;
PLUS   : '+' ;
MINUS  : '-' ;

DATE     : [0-9][0-9][0-9][0-9] '-' [0-9][0-9] '-' [0-9][0-9] ;
DURATION : [0-9]+ [dwmy] ;
NUMBER   : [0-9]+ ('.' [0-9]+)? ;
STRING   : '"' (~["\\\r\n] | '\\' ["\\])* '"' ;
IDENT    : [a-z_] [a-z_0-9]* ;

WS : [ \t\r\n]+ -> skip ;
ERROR_CHAR : . ;
